/**
 * A file as the import sees it, whatever its format: its title, and blocks of
 * rich text each under one heading. Built by ./html-outline.ts; mapped onto the
 * template by ./mapping.ts.
 */
import type { JSONContent } from "@tiptap/core";

export type OutlineBlock = {
  /** "b0" is the text before the first heading; then "b1", "b2" … in file order */
  id: string;
  /** heading level 1–6; 0 for "b0" */
  level: number;
  title: string;
  /** the enclosing heading's block (nearest heading of a smaller level before this one) */
  parentId: string | null;
  /** top-level nodes of the editor schema, already sanitised */
  content: JSONContent[];
  /** footnotes referenced in this block ("[1] Text"), to be set at the end of the part */
  notes: JSONContent[];
  /** images that could not be taken, in this block */
  images: number;
};

export type SkippedItem = { kind: "image" | "comment"; where: string; text?: string };

export type Outline = {
  title: string | null;
  blocks: OutlineBlock[];
  /** all text of the file, for the word count of the report */
  sourceText: string;
  skipped: SkippedItem[];
  /** tracked changes found (insertions and deletions); the current text was taken */
  trackedChanges: number;
};
