import * as Y from "yjs";
import { IndexeddbPersistence, PREFERRED_TRIM_SIZE, storeState } from "y-indexeddb";

/** The pause in typing after which gathered changes go into the browser's copy, in one write … */
export const OFFLINE_WRITE_MS = 400;
/** … and the longest they gather while someone types on and the server has not acknowledged all of them. */
export const OFFLINE_WRITE_MAX_MS = 2000;

/**
 * A part's copy in this browser (IndexedDB, y-indexeddb), written off the keystroke path (issue 17).
 *
 * y-indexeddb writes each document update in its own IndexedDB transaction: one per key, whose work and
 * completion event land in the frames of the following keys (measured: the concept page's keystroke p95 was
 * about 2–3 ms lower without these writes).
 *
 * While the socket is connected, what is typed reaches the server at once and the updates gather here: they go in
 * as one merged update once typing pauses for OFFLINE_WRITE_MS, and at once when the page is left (beforeunload,
 * pagehide) or hidden and when the part closes. While someone types on, they go in OFFLINE_WRITE_MAX_MS after the
 * first of them only if the server has not acknowledged all of them by then (it acknowledges only what it has
 * stored, so a crash of this browser loses nothing it has): a write every few keys would again land in the frames
 * of the keys after it. While it is not connected, this copy is all there is: each update is written at once, as
 * before. Each write asks IndexedDB to commit at once, so a write made while the page is being left is not lost.
 */
export class OfflineCopy {
  private readonly persistence: IndexeddbPersistence;
  private pending: Uint8Array[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** when the current wait began (the first update gathered, or the last check that found all acknowledged) */
  private waitingSince = 0;
  private lastUpdateAt = 0;
  private stopped = false;

  constructor(
    name: string,
    private readonly doc: Y.Doc,
    private readonly connected: () => boolean,
    /** whether the server has acknowledged (stored) every change sent to it */
    private readonly acknowledged: () => boolean,
  ) {
    this.persistence = new IndexeddbPersistence(name, doc);
    doc.off("update", this.persistence._storeUpdate);
    doc.on("update", this.gather);
    doc.on("destroy", this.stop);
    window.addEventListener("pagehide", this.flush);
    window.addEventListener("beforeunload", this.flush);
    document.addEventListener("visibilitychange", this.flushWhenHidden);
  }

  get whenSynced() {
    return this.persistence.whenSynced;
  }

  /** Whether an update came from this copy (the text read back from the browser), not from typing or the server. */
  isOrigin(origin: unknown) {
    return origin === this.persistence;
  }

  private gather = (update: Uint8Array, origin: unknown) => {
    if (this.stopped || origin === this.persistence) return;
    const now = performance.now();
    if (this.pending.length === 0) this.waitingSince = now;
    this.lastUpdateAt = now;
    this.pending.push(update);
    if (!this.connected()) return this.flush();
    this.schedule(now);
  };

  private schedule(now: number) {
    this.cancelTimer();
    const pause = this.lastUpdateAt + OFFLINE_WRITE_MS;
    const longest = this.waitingSince + OFFLINE_WRITE_MAX_MS;
    this.timer = setTimeout(longest < pause ? this.longestWaitOver : this.flush, Math.max(0, Math.min(pause, longest) - now));
  }

  /** Typing goes on: write unless the server has stored all of it, which is then safe without this copy. */
  private longestWaitOver = () => {
    this.timer = null;
    if (!this.acknowledged()) return this.flush();
    const now = performance.now();
    this.waitingSince = now;
    this.schedule(now);
  };

  /** Writes what has gathered, now. */
  flush = () => {
    this.cancelTimer();
    if (this.stopped || this.pending.length === 0) return;
    const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.write(update);
  };

  /** One update into y-indexeddb's store, as its own `_storeUpdate` does, but committed at once. */
  private write(update: Uint8Array) {
    const { db } = this.persistence;
    // (before the database has opened there is nothing to write to, as in y-indexeddb: it stores the whole document once it has)
    if (!db || this.persistence._destroyed) return;
    const transaction = db.transaction(["updates"], "readwrite");
    transaction.objectStore("updates").add(update);
    transaction.commit();
    if (++this.persistence._dbsize >= PREFERRED_TRIM_SIZE) void storeState(this.persistence, false);
  }

  private cancelTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private flushWhenHidden = () => {
    if (document.visibilityState === "hidden") this.flush();
  };

  private stop = () => {
    this.stopped = true;
    this.cancelTimer();
    this.pending = [];
    this.doc.off("update", this.gather);
    this.doc.off("destroy", this.stop);
    window.removeEventListener("pagehide", this.flush);
    window.removeEventListener("beforeunload", this.flush);
    document.removeEventListener("visibilitychange", this.flushWhenHidden);
  };

  /** Writes what has gathered and closes the copy (the part closes). */
  destroy() {
    this.flush();
    this.stop();
    return this.persistence.destroy();
  }

  /** Drops what has gathered and deletes the copy from the browser. */
  clearData() {
    this.stop();
    return this.persistence.clearData();
  }
}
