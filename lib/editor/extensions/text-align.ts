import TextAlign from "@tiptap/extension-text-align";

/** The nodes that can be aligned: paragraphs, headings and table cells. */
export const ALIGNABLE_TYPES = ["paragraph", "heading", "tableCell", "tableHeader"] as const;

/** Every alignment a user can choose; "left" is the default and never stored. */
export const TEXT_ALIGNMENTS = ["left", "center", "right", "justify"] as const;
export type TextAlignment = (typeof TEXT_ALIGNMENTS)[number];

/** The alignments a stored document carries in `attrs.textAlign`. */
export const STORED_ALIGNMENTS = ["center", "right", "justify"] as const;
export type StoredAlignment = (typeof STORED_ALIGNMENTS)[number];

/** The class that carries an alignment in HTML: the CSP allows no style attributes. */
export const alignClass = (alignment: StoredAlignment) => `text-align-${alignment}`;

/** A stored alignment, or null for left (the default) and for anything that is not an alignment. */
export function storedAlignment(value: unknown): StoredAlignment | null {
  return typeof value === "string" && (STORED_ALIGNMENTS as readonly string[]).includes(value) ? (value as StoredAlignment) : null;
}

/**
 * An alignment as office programs write it – `align=center`, `text-align: end`,
 * `text-align:justify` – or null for left, start and anything unknown.
 */
export function alignmentFromCss(value: string | null | undefined): StoredAlignment | null {
  const v = (value ?? "").trim().toLowerCase().replace(/\s*!important$/, "");
  if (v === "end") return "right";
  return storedAlignment(v);
}

function alignmentOfElement(element: HTMLElement): StoredAlignment | null {
  for (const alignment of STORED_ALIGNMENTS) if (element.classList?.contains(alignClass(alignment))) return alignment;
  return alignmentFromCss(element.style?.textAlign) ?? alignmentFromCss(element.getAttribute("align"));
}

/**
 * Tiptap's TextAlign for paragraphs, headings and table cells, rendered as a
 * class (`text-align-center`) instead of a style attribute. Left is no stored
 * value: setting it removes the attribute, so unaligned text keeps the JSON it
 * had before alignment existed.
 */
export const Alignment = TextAlign.extend({
  addGlobalAttributes() {
    return [
      {
        types: this.options.types,
        attributes: {
          textAlign: {
            default: null,
            parseHTML: (element: HTMLElement) => alignmentOfElement(element),
            renderHTML: (attributes: Record<string, unknown>) => {
              const alignment = storedAlignment(attributes.textAlign);
              return alignment ? { class: alignClass(alignment) } : {};
            },
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      setTextAlign:
        (alignment: string) =>
        ({ commands }) => {
          if (alignment === "left") return commands.unsetTextAlign();
          if (!storedAlignment(alignment)) return false;
          return this.options.types.map((type: string) => commands.updateAttributes(type, { textAlign: alignment })).some(Boolean);
        },
      unsetTextAlign:
        () =>
        ({ commands }) =>
          this.options.types.map((type: string) => commands.resetAttributes(type, "textAlign")).some(Boolean),
      toggleTextAlign:
        (alignment: string) =>
        ({ editor, commands }) =>
          editor.isActive({ textAlign: alignment }) ? commands.unsetTextAlign() : commands.setTextAlign(alignment),
    };
  },
}).configure({ types: [...ALIGNABLE_TYPES], alignments: [...TEXT_ALIGNMENTS] });
