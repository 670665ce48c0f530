import type { JSONContent } from "@tiptap/core";

/**
 * Unsent text survives in localStorage until the server has committed it:
 * offline edits, failed saves and conflicts are never lost by a reload.
 */
type Draft = { content: JSONContent; baseRevision: number; at: number };

const key = (sectionId: string) => `konzeptwerk:draft:${sectionId}`;

export function writeDraft(sectionId: string, draft: Omit<Draft, "at">) {
  try {
    localStorage.setItem(key(sectionId), JSON.stringify({ ...draft, at: Date.now() }));
  } catch {
    // storage full or disabled: the in-memory state still holds the text
  }
}

export function readDraft(sectionId: string): Draft | null {
  try {
    const raw = localStorage.getItem(key(sectionId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as Draft;
    return draft && typeof draft.baseRevision === "number" && draft.content ? draft : null;
  } catch {
    return null;
  }
}

export function clearDraft(sectionId: string) {
  try {
    localStorage.removeItem(key(sectionId));
  } catch {}
}

const dirtySections = new Set<string>();
let guardInstalled = false;

function guard(event: BeforeUnloadEvent) {
  if (dirtySections.size === 0) return;
  event.preventDefault();
  event.returnValue = "";
}

/** While any part has unsaved changes, leaving the page asks first. */
export function markDirty(sectionId: string) {
  dirtySections.add(sectionId);
  if (!guardInstalled && typeof window !== "undefined") {
    window.addEventListener("beforeunload", guard);
    guardInstalled = true;
  }
}

export function markClean(sectionId: string) {
  dirtySections.delete(sectionId);
}
