/**
 * THE one extension list. The browser editor, the server-side validation and the
 * static HTML rendering all import it, so what the editor can produce is exactly
 * what the server accepts and renders.
 */
import type { AnyExtension, Attributes, Extensions, Mark } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { TableCell, TableHeader, TableKit } from "@tiptap/extension-table";
import { Placeholder } from "@tiptap/extensions";
import { ALLOWED_LINK_PROTOCOLS, hrefFromInput, isAllowedHref } from "@/lib/editor/links";
import { suggestionMarks } from "./suggestions";
import { Alignment } from "./text-align";

export { ALLOWED_LINK_PROTOCOLS, isAllowedHref };

export const HEADING_LEVELS = [3, 4] as const;

/**
 * Marks whose Markdown shortcuts (typing `*Wort*`, `_Wort_`, `**x**`, `~~x~~`,
 * or pasting such text) would turn text into formatting and delete the
 * characters: footnote stars and underscores are ordinary text in an office.
 * Formatting stays on the keyboard shortcuts (Strg+B, Strg+I …) and the toolbar.
 */
const MARKS_WITHOUT_MARKDOWN = new Set(["bold", "italic", "strike", "code", "underline"]);

const LINK_REL = "noopener noreferrer nofollow";
const FIXED_LINK_ATTRIBUTE = { default: null, parseHTML: () => null, renderHTML: () => ({}) };

const PlainTypingStarterKit = StarterKit.extend({
  addExtensions() {
    const parent = (this.parent?.() ?? []) as AnyExtension[];
    return parent.map((extension) => {
      if (MARKS_WITHOUT_MARKDOWN.has(extension.name)) {
        return (extension as Mark).extend({ addInputRules: () => [], addPasteRules: () => [] });
      }
      if (extension.name === "link") {
        return (extension as Mark).extend({
          addAttributes() {
            const attributes: Attributes = this.parent?.() ?? {};
            return {
              ...attributes,
              // Pasted <a href="www.musterstadt.de"> is stored as the absolute link a browser would open (or not at all).
              href: { ...attributes.href, parseHTML: (element: HTMLElement) => hrefFromInput(element.getAttribute("href") ?? "") },
              // Every link looks and opens the same, whatever a paste or a forged request stored: a stored class could
              // dress it as one of the app's buttons, a stored rel="opener" let the opened page steer this tab.
              target: FIXED_LINK_ATTRIBUTE,
              class: FIXED_LINK_ATTRIBUTE,
              title: FIXED_LINK_ATTRIBUTE,
              rel: { default: LINK_REL, parseHTML: () => LINK_REL, renderHTML: () => ({ rel: LINK_REL }) },
            };
          },
        });
      }
      return extension;
    });
  },
});

/**
 * Table cells without Tiptap's own `align` attribute: it renders as a style
 * attribute (the CSP allows none) and would be a second way to say what
 * `textAlign` (./text-align.ts) says for cells, paragraphs and headings alike.
 */
const withoutCellAlign = <T extends typeof TableCell | typeof TableHeader>(cell: T) =>
  cell.extend({
    addAttributes() {
      const { align: _align, ...attributes }: Attributes = this.parent?.() ?? {};
      // The static HTML writes the widths into a style attribute unescaped (Tiptap's colgroup): numbers only.
      return { ...attributes, colwidth: { ...attributes.colwidth, validate: checkColumnWidths } };
    },
  });

/**
 * A cell's column widths in pixels, one per spanned column, as the editor stores them: numbers or null. (NaN, which
 * Tiptap reads from a pasted colwidth="auto", is a number and harmless in CSS: refusing it would refuse old parts.)
 */
function checkColumnWidths(value: unknown) {
  if (value === null || value === undefined) return;
  const ok = Array.isArray(value) && value.length <= 1000 && value.every((w) => w === null || typeof w === "number");
  if (!ok) throw new RangeError("Invalid column width");
}

/**
 * The list in two flavours with the same schema: alone (own undo history) or
 * writing together (undo comes from the Yjs binding, per person). A placeholder
 * (the writing hint of an empty part) adds no node or mark: the schema stays the same.
 */
export function buildExtensions({ collaborative = false, placeholder }: { collaborative?: boolean; placeholder?: string } = {}): Extensions {
  return [
    PlainTypingStarterKit.configure({
      ...(collaborative ? { undoRedo: false as const } : {}),
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      horizontalRule: false,
      // Would append an empty paragraph on load, which counts as an edit and triggers a save.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        // http, https and mailto are linkify's own schemes: registering them again (once per editor, while others
        // are open) only logs "already initialized" warnings. Which targets are allowed is decided by isAllowedUri.
        protocols: [],
        // Autolink and paste hand over what was typed ("www.musterstadt.de") and store the completed link.
        isAllowedUri: (url) => hrefFromInput(url) !== null,
        HTMLAttributes: { rel: LINK_REL, target: null },
      },
    }),
    TableKit.configure({ table: { resizable: false }, tableCell: false, tableHeader: false }),
    withoutCellAlign(TableCell),
    withoutCellAlign(TableHeader),
    Alignment,
    // Proposed changes (issue 13): part of the schema for everyone, so that every reader knows them.
    ...suggestionMarks,
    // A class and data-placeholder on the empty paragraph; app/globals.css shows it (the CSP allows no style attributes).
    ...(placeholder ? [Placeholder.configure({ placeholder })] : []),
  ];
}

export const editorExtensions: Extensions = buildExtensions();
