import type { JSONContent } from "@tiptap/core";

export const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

/** Plain text of a Tiptap JSON document (for lengths, search and conflict views). */
export function plainText(node: JSONContent | null | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  const children = node.content ?? [];
  const inline = children.length > 0 && children.every((c) => c.type === "text" || c.type === "hardBreak");
  return children
    .map(plainText)
    .join(inline ? "" : "\n")
    .trim();
}

export function textLength(doc: JSONContent | null | undefined) {
  return plainText(doc).replace(/\s+/g, " ").trim().length;
}

/** A paragraph-per-line document, for seeds and imports of plain text. */
export function docFromParagraphs(paragraphs: string[]): JSONContent {
  return {
    type: "doc",
    content: paragraphs.map((p) => (p ? { type: "paragraph", content: [{ type: "text", text: p }] } : { type: "paragraph" })),
  };
}

/** JSON with object keys sorted: PostgreSQL's jsonb reorders keys, so plain JSON.stringify cannot compare stored and edited documents. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
