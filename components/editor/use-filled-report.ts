"use client";
import { useEffect } from "react";
import type * as Y from "yjs";
import { forgetFilled, reportFilled } from "./filled-store";

/**
 * Report whether a live part holds text, for the outline's "leer" / "begonnen".
 * Runs on every document update (local or a colleague's), but the check stops
 * at the first character and the store hears only transitions.
 */
export function useFilledReport(doc: Y.Doc | null, sectionId: string, hasText: (doc: Y.Doc) => boolean) {
  useEffect(() => {
    if (!doc) return;
    const check = () => reportFilled(sectionId, hasText(doc));
    check();
    doc.on("update", check);
    return () => doc.off("update", check);
  }, [doc, sectionId, hasText]);
  // A part parked far from the view (its document closed) still holds what it held: forgotten only when it goes.
  useEffect(() => () => forgetFilled(sectionId), [sectionId]);
}
