/** A library entry's plain text as the content of a new measure (pure; see take-measure.ts). */
import type { JSONContent } from "@tiptap/core";
import { docFromParagraphs, EMPTY_DOC } from "@/lib/editor/document";
import { MEASURE_TITLE } from "@/lib/measures/schema";

/** A library title (up to 500 characters) cut to what a measure's title may hold, with "…", never between the halves of a surrogate pair. */
export function fitTitle(title: string): string {
  const clean = title.trim();
  if (clean.length <= MEASURE_TITLE.max) return clean;
  let cut = MEASURE_TITLE.max - 1;
  if (/[\uD800-\uDBFF]/.test(clean.charAt(cut - 1))) cut -= 1;
  return `${clean.slice(0, cut).trimEnd()}…`;
}

/** The library's plain-text description as a document: one paragraph per non-empty line. */
export function descriptionDoc(text: string): JSONContent {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length ? docFromParagraphs(lines) : EMPTY_DOC;
}
