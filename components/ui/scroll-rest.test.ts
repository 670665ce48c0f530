import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createScrollRest, REST_MS } from "./scroll-rest";

describe("scroll rest (parts open where the reader stops, issue 17)", () => {
  let page: EventTarget;
  let rest: ReturnType<typeof createScrollRest>;
  const scroll = () => page.dispatchEvent(new Event("scroll"));
  beforeEach(() => {
    vi.useFakeTimers();
    page = new EventTarget();
    rest = createScrollRest(page, () => Date.now());
  });
  afterEach(() => vi.useRealTimers());

  it("runs at once when the page is not being scrolled", () => {
    const run = vi.fn();
    rest.whenRests(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("waits while the page scrolls, and runs once it has rested", () => {
    const run = vi.fn();
    scroll();
    rest.whenRests(run);
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(REST_MS / 3);
      scroll();
    }
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REST_MS - 1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(REST_MS * 4);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("a wait called off (the part left the view again) never runs; the others still do", () => {
    const passed = vi.fn();
    const stayed = vi.fn();
    scroll();
    const cancel = rest.whenRests(passed);
    rest.whenRests(stayed);
    cancel();
    vi.advanceTimersByTime(REST_MS);
    expect(passed).not.toHaveBeenCalled();
    expect(stayed).toHaveBeenCalledTimes(1);
  });
});
