"use client";
import { useEffect } from "react";
import * as Y from "yjs";
import { forgetFilled, reportFilled } from "./filled-store";

/** True as soon as the part's document holds one character; stops at the first (lazy tree walk, no copy of the document). */
export function hasText(doc: Y.Doc): boolean {
  const walker = doc.getXmlFragment("default").createTreeWalker((node) => node instanceof Y.XmlText && node.length > 0);
  return !walker.next().done;
}

/**
 * Report whether a live part holds text, for the outline's "leer" / "begonnen".
 * Runs on every document update (local or a colleague's), but the check stops
 * at the first character and the store hears only transitions.
 */
export function useFilledReport(doc: Y.Doc | null, sectionId: string) {
  useEffect(() => {
    if (!doc) return;
    const check = () => reportFilled(sectionId, hasText(doc));
    check();
    doc.on("update", check);
    return () => {
      doc.off("update", check);
      forgetFilled(sectionId);
    };
  }, [doc, sectionId]);
}
