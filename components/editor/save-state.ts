import { markClean, markDirty } from "./leave-guard";

export type SaveSnapshot = {
  /** the server has not yet acknowledged (stored) every change */
  pending: boolean;
  connected: boolean;
  /** something was typed here or arrived from a colleague since the part was opened */
  changed: boolean;
  /** "Gespeichert" may show: nothing pending, and typing has paused */
  settled: boolean;
};

/** How long typing must pause before "Wird gespeichert …" turns back into "Gespeichert". */
const SETTLE_MS = 600;

/**
 * The save state of one part, outside React's render of the editor: a keystroke
 * changes it twice (pending, then acknowledged), and only the small status line
 * subscribes, not the editor and its toolbar. While someone types, the line stays
 * "Wird gespeichert …" and turns "Gespeichert" once the server has acknowledged
 * everything and typing has paused: honest, and the live region does not chatter.
 */
export function createSaveState(sectionId: string) {
  let snapshot: SaveSnapshot = { pending: false, connected: true, changed: false, settled: true };
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  const set = (next: Partial<SaveSnapshot>) => {
    const merged = { ...snapshot, ...next };
    if (merged.pending === snapshot.pending && merged.connected === snapshot.connected && merged.changed === snapshot.changed && merged.settled === snapshot.settled) return;
    snapshot = merged;
    for (const l of listeners) l();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => snapshot,
    /** the provider's count of changes the server has not acknowledged */
    unsynced(count: number) {
      if (count > 0) {
        markDirty(sectionId);
        if (settleTimer) clearTimeout(settleTimer);
        settleTimer = null;
        set({ pending: true, settled: false });
        return;
      }
      markClean(sectionId);
      set({ pending: false });
      if (snapshot.settled || settleTimer) return;
      settleTimer = setTimeout(() => {
        settleTimer = null;
        if (!snapshot.pending) set({ settled: true });
      }, SETTLE_MS);
    },
    connected: (connected: boolean) => set({ connected }),
    changed: () => {
      if (!snapshot.changed) set({ changed: true });
    },
    dispose() {
      if (settleTimer) clearTimeout(settleTimer);
      markClean(sectionId);
    },
  };
}

export type SaveState = ReturnType<typeof createSaveState>;

/** What the status line shows of a snapshot. */
export type SaveLine = { offline: boolean; saving: boolean; changed: boolean };

/**
 * The snapshot as the status line reads it, in one number: while someone types, `pending` flips twice per
 * keystroke but the line stays "Wird gespeichert …", so its component does not render again (issue 17).
 */
export function saveLineKey(s: SaveSnapshot) {
  return (s.connected ? 0 : 1) | (s.pending || !s.settled ? 2 : 0) | (s.changed ? 4 : 0);
}

export function saveLine(key: number): SaveLine {
  return { offline: (key & 1) !== 0, saving: (key & 2) !== 0, changed: (key & 4) !== 0 };
}
