import { Mark, type Extensions } from "@tiptap/core";
import { editorExtensions } from "@/lib/editor/extensions";
import { SUGGESTION_MARKS } from "@/lib/editor/extensions/suggestions";

/** Text added between two versions; shown underlined (HTML <ins>, PDF: underline). */
export const Insertion = Mark.create({
  name: "insertion",
  addAttributes: () => ({ moved: { default: false, renderHTML: () => ({}) } }),
  parseHTML: () => [{ tag: "ins" }],
  renderHTML: ({ mark }) => ["ins", mark.attrs.moved ? { class: "diff-ins diff-moved", title: "verschoben (neue Stelle)" } : { class: "diff-ins" }, 0],
});

/** Text removed between two versions; shown struck through (HTML <del>). */
export const Deletion = Mark.create({
  name: "deletion",
  addAttributes: () => ({ moved: { default: false, renderHTML: () => ({}) } }),
  parseHTML: () => [{ tag: "del" }],
  renderHTML: ({ mark }) => ["del", mark.attrs.moved ? { class: "diff-del diff-moved", title: "verschoben (alte Stelle)" } : { class: "diff-del" }, 0],
});

/**
 * The editor's extension list with the two change marks in place of the
 * proposal marks of the same names: a compared document is read with its open
 * proposals rejected (lib/suggestions), so a proposal is never shown as a
 * change between versions.
 */
export const diffExtensions: Extensions = [...editorExtensions.filter((e) => !(SUGGESTION_MARKS as readonly string[]).includes(e.name)), Insertion, Deletion];
