/** Small builders for Tiptap JSON, for seeds, tests and generated documents. */
import type { JSONContent } from "@tiptap/core";

type Inline = string | JSONContent;

const inline = (parts: Inline[]): JSONContent[] =>
  parts.filter((x) => x !== "").map((x) => (typeof x === "string" ? { type: "text", text: x } : x));

export const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
export const p = (...parts: Inline[]): JSONContent => (parts.length ? { type: "paragraph", content: inline(parts) } : { type: "paragraph" });
export const h3 = (text: string): JSONContent => ({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text }] });
export const h4 = (text: string): JSONContent => ({ type: "heading", attrs: { level: 4 }, content: [{ type: "text", text }] });
export const bold = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "bold" }] });
export const italic = (text: string): JSONContent => ({ type: "text", text, marks: [{ type: "italic" }] });
export const link = (text: string, href: string): JSONContent => ({ type: "text", text, marks: [{ type: "link", attrs: { href } }] });
export const ul = (...items: (Inline | Inline[])[]): JSONContent => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [p(...(Array.isArray(i) ? i : [i]))] })),
});
export const ol = (...items: (Inline | Inline[])[]): JSONContent => ({
  type: "orderedList",
  content: items.map((i) => ({ type: "listItem", content: [p(...(Array.isArray(i) ? i : [i]))] })),
});
/** A table whose first row is a header row. */
export const table = (header: string[], rows: string[][]): JSONContent => ({
  type: "table",
  content: [
    { type: "tableRow", content: header.map((h) => ({ type: "tableHeader", content: [p(h)] })) },
    ...rows.map((r) => ({ type: "tableRow", content: r.map((c) => ({ type: "tableCell", content: [p(c)] })) })),
  ],
});
/** A paragraph, heading or table cell with a text alignment ("center", "right", "justify"). */
export const aligned = (textAlign: string, node: JSONContent): JSONContent => ({ ...node, attrs: { ...node.attrs, textAlign } });
