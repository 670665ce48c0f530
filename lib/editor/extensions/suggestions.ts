/**
 * The marks of a proposed change (Änderungsvorschlag), with the names and
 * exclusions of `@handlewithcare/prosemirror-suggest-changes`, whose commands
 * and editing behaviour work on them. Our own attributes beside the library's
 * `id`: `author` (the proposing user's id; the server refuses a reviewer's
 * change whose new marks carry anybody else's) and `at` (when, ISO time, from
 * the proposer's clock). Inline only: the Yjs binding keeps no marks on block
 * nodes, so a proposal is always text (a paragraph break is a marked
 * zero-width space, as the library writes it). Rendered with classes only
 * (the CSP allows no style attributes).
 */
import { Mark } from "@tiptap/core";

export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

const attributes = () => ({
  id: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute("data-suggestion"), renderHTML: (a: Record<string, unknown>) => ({ "data-suggestion": a.id }) },
  author: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute("data-author"), renderHTML: (a: Record<string, unknown>) => ({ "data-author": a.author }) },
  at: { default: null, parseHTML: (el: HTMLElement) => el.getAttribute("data-at"), renderHTML: (a: Record<string, unknown>) => (a.at ? { "data-at": a.at } : {}) },
});

/** Proposed new text: underlined. */
export const SuggestedInsertion = Mark.create({
  name: "insertion",
  inclusive: false,
  excludes: "deletion modification insertion",
  addAttributes: attributes,
  parseHTML: () => [{ tag: "ins[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["ins", { ...HTMLAttributes, class: "suggestion suggestion-ins" }, 0],
});

/** Text proposed for deletion: struck through. */
export const SuggestedDeletion = Mark.create({
  name: "deletion",
  inclusive: false,
  excludes: "insertion modification deletion",
  addAttributes: attributes,
  parseHTML: () => [{ tag: "del[data-suggestion]" }],
  renderHTML: ({ HTMLAttributes }) => ["del", { ...HTMLAttributes, class: "suggestion suggestion-del" }, 0],
});

/**
 * The library's mark for a changed node attribute or node mark. Its commands
 * need it in the schema; the validator refuses it in stored text (it only
 * occurs as a block mark, which the Yjs binding cannot keep).
 */
export const SuggestedModification = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "deletion insertion",
  addAttributes: () => ({
    ...attributes(),
    type: { default: null, renderHTML: () => ({}) },
    attrName: { default: null, renderHTML: () => ({}) },
    previousValue: { default: null, renderHTML: () => ({}) },
    newValue: { default: null, renderHTML: () => ({}) },
  }),
  parseHTML: () => [{ tag: "span[data-suggestion-modification]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", { ...HTMLAttributes, "data-suggestion-modification": "", class: "suggestion suggestion-mod" }, 0],
});

export const suggestionMarks = [SuggestedInsertion, SuggestedDeletion, SuggestedModification];
