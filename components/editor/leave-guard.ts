/**
 * While a part holds changes the server has not acknowledged, leaving the page
 * asks first (the text is kept in IndexedDB too, but a browser may not allow it).
 */
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
