import { Mark, type Extensions } from "@tiptap/core";
import { editorExtensions } from "@/components/editor/extensions";

/** Text added between two versions; shown underlined (HTML <ins>, PDF: underline). */
export const Insertion = Mark.create({
  name: "insertion",
  parseHTML: () => [{ tag: "ins" }],
  renderHTML: () => ["ins", { class: "diff-ins" }, 0],
});

/** Text removed between two versions; shown struck through (HTML <del>). */
export const Deletion = Mark.create({
  name: "deletion",
  parseHTML: () => [{ tag: "del" }],
  renderHTML: () => ["del", { class: "diff-del" }, 0],
});

/** The editor's extension list plus the two change marks: the schema of a compared document. */
export const diffExtensions: Extensions = [...editorExtensions, Insertion, Deletion];
