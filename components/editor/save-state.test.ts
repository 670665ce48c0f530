import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSaveState, saveLine, saveLineKey } from "./save-state";

describe("save state of a part", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("says saving while keys come in and saved only after the server acknowledged and typing paused", () => {
    const s = createSaveState("p1");
    let notified = 0;
    s.subscribe(() => notified++);
    s.changed();
    s.unsynced(1);
    expect(s.get()).toMatchObject({ pending: true, settled: false, changed: true });
    s.unsynced(0);
    // acknowledged, but the next key may come any moment: still "Wird gespeichert …"
    expect(s.get()).toMatchObject({ pending: false, settled: false });
    vi.advanceTimersByTime(300);
    s.unsynced(1);
    vi.advanceTimersByTime(1000);
    // a change still unacknowledged after the pause: never "Gespeichert"
    expect(s.get()).toMatchObject({ pending: true, settled: false });
    s.unsynced(0);
    vi.advanceTimersByTime(599);
    expect(s.get().settled).toBe(false);
    vi.advanceTimersByTime(1);
    expect(s.get()).toMatchObject({ pending: false, settled: true });
    const before = notified;
    s.changed();
    s.unsynced(0);
    expect(notified).toBe(before);
  });

  it("notifies only on a change, so typing does not re-render the status line per key", () => {
    const s = createSaveState("p2");
    let notified = 0;
    s.subscribe(() => notified++);
    s.unsynced(1);
    s.unsynced(2);
    s.unsynced(3);
    expect(notified).toBe(1);
    s.connected(true);
    expect(notified).toBe(1);
    s.connected(false);
    expect(s.get().connected).toBe(false);
    expect(notified).toBe(2);
  });

  it("gives the status line one value that stays while keys come in, so the line does not render per key", () => {
    const s = createSaveState("p3");
    const keys = new Set<number>();
    s.changed();
    for (let i = 0; i < 5; i++) {
      s.unsynced(1);
      keys.add(saveLineKey(s.get()));
      s.unsynced(0);
      keys.add(saveLineKey(s.get()));
    }
    expect(keys.size).toBe(1);
    expect(saveLine([...keys][0]!)).toEqual({ offline: false, saving: true, changed: true });
    vi.advanceTimersByTime(600);
    expect(saveLine(saveLineKey(s.get()))).toEqual({ offline: false, saving: false, changed: true });
    s.connected(false);
    expect(saveLine(saveLineKey(s.get()))).toEqual({ offline: true, saving: false, changed: true });
  });
});
