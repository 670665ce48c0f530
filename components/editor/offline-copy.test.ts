// @vitest-environment happy-dom
import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { OFFLINE_WRITE_MAX_MS, OFFLINE_WRITE_MS, OfflineCopy } from "./offline-copy";

let n = 0;
const freshName = () => `offline-copy-test-${++n}`;

/** The updates stored under `name`, read straight from IndexedDB. */
function storedUpdates(name: string): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction("updates").objectStore("updates").getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as Uint8Array[]);
      };
      all.onerror = () => reject(all.error);
    };
  });
}

const textOf = (doc: Y.Doc) => doc.getText("t").toString();
const typeInto = (doc: Y.Doc, text: string) => {
  for (const ch of text) doc.getText("t").insert(doc.getText("t").length, ch);
};

async function opened(name: string, connected = () => true, acknowledged = () => false) {
  const doc = new Y.Doc();
  const copy = new OfflineCopy(name, doc, connected, acknowledged);
  await copy.whenSynced;
  return { doc, copy };
}

describe("OfflineCopy", () => {
  it("writes a burst of keystrokes as one update, not one per key, and the text comes back from it", async () => {
    const name = freshName();
    const { doc, copy } = await opened(name);
    const before = (await storedUpdates(name)).length;
    typeInto(doc, "Sprachkurs");
    expect((await storedUpdates(name)).length).toBe(before);
    await new Promise((r) => setTimeout(r, OFFLINE_WRITE_MS + 100));
    expect((await storedUpdates(name)).length).toBe(before + 1);
    await copy.destroy();
    doc.destroy();

    const again = await opened(name);
    expect(textOf(again.doc)).toBe("Sprachkurs");
    await again.copy.destroy();
  });

  it("while someone types on and the server has not acknowledged everything, writes at the latest after the longest wait", async () => {
    const name = freshName();
    const { doc, copy } = await opened(name);
    const before = (await storedUpdates(name)).length;
    const started = performance.now();
    let keys = 0;
    while (performance.now() - started < OFFLINE_WRITE_MAX_MS + 300) {
      typeInto(doc, "x");
      keys++;
      await new Promise((r) => setTimeout(r, 50));
    }
    // (a busy machine may pause the loop past OFFLINE_WRITE_MS, which is a pause, and writes once more)
    const writes = (await storedUpdates(name)).length - before;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(Math.min(3, keys / 4));
    await copy.destroy();
  });

  it("while someone types on and the server has stored every change, waits for the pause: nothing is at risk", async () => {
    const name = freshName();
    const { doc, copy } = await opened(name, () => true, () => true);
    const before = (await storedUpdates(name)).length;
    const started = performance.now();
    let last = started;
    let pauses = 0;
    let keys = 0;
    while (performance.now() - started < 2 * OFFLINE_WRITE_MAX_MS + 300) {
      typeInto(doc, "x");
      keys++;
      await new Promise((r) => setTimeout(r, 50));
      // (a busy machine may hold the loop up past OFFLINE_WRITE_MS: that is a pause, and may write)
      if (performance.now() - last >= OFFLINE_WRITE_MS) pauses++;
      last = performance.now();
    }
    const whileTyping = (await storedUpdates(name)).length - before;
    expect(whileTyping).toBeLessThanOrEqual(pauses);
    await new Promise((r) => setTimeout(r, OFFLINE_WRITE_MS + 100));
    expect((await storedUpdates(name)).length - before).toBe(whileTyping + 1);
    await copy.destroy();
    doc.destroy();

    const again = await opened(name);
    expect(textOf(again.doc)).toBe("x".repeat(keys));
    await again.copy.destroy();
  });

  it("without a connection to the server writes every change at once: this copy is then all there is", async () => {
    const name = freshName();
    let online = true;
    const { doc, copy } = await opened(name, () => online);
    const before = (await storedUpdates(name)).length;
    online = false;
    typeInto(doc, "abc");
    expect((await storedUpdates(name)).length).toBe(before + 3);
    await copy.destroy();
  });

  it("keeps what was typed just before the part closes or the page is left", async () => {
    const name = freshName();
    const first = await opened(name);
    typeInto(first.doc, "Kita");
    await first.copy.destroy();
    first.doc.destroy();
    const second = await opened(name);
    expect(textOf(second.doc)).toBe("Kita");
    typeInto(second.doc, "-Plätze");
    window.dispatchEvent(new Event("pagehide"));
    expect(textOf((await opened(name)).doc)).toBe("Kita-Plätze");
  });

  it("does not write the text it read back from the browser again, and nothing after its data is cleared", async () => {
    const name = freshName();
    const first = await opened(name);
    typeInto(first.doc, "Wohnen");
    await first.copy.destroy();
    const stored = (await storedUpdates(name)).length;
    const second = await opened(name);
    expect(textOf(second.doc)).toBe("Wohnen");
    await new Promise((r) => setTimeout(r, OFFLINE_WRITE_MS + 100));
    // (y-indexeddb itself stores the whole document once after reading it: one more entry, not the read-back updates)
    expect((await storedUpdates(name)).length).toBeLessThanOrEqual(stored + 1);
    typeInto(second.doc, " und Quartier");
    await second.copy.clearData();
    await new Promise((r) => setTimeout(r, OFFLINE_WRITE_MS + 100));
    expect(textOf((await opened(name)).doc)).toBe("");
  });
});
