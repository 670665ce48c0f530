/**
 * The last check before a document goes to Typst, for text that was stored
 * before today's rules (live rows are not re-validated when read): a document
 * nested deeper than the editor allows is replaced by a note instead of
 * breaking the whole export, and every link target goes through THE link check
 * (lib/editor/links.ts). A refused target, or an in-document anchor (the PDF
 * has no such target), keeps its text and loses the link.
 */
import type { JSONContent } from "@tiptap/core";
import { safeHref } from "@/lib/editor/links";
import { checkNesting, MAX_NESTING } from "@/lib/editor/nesting";

export const TOO_DEEP_NOTE = `[Dieser Text ist tiefer als ${MAX_NESTING} Ebenen verschachtelt und kann nicht gedruckt werden. Bitte die Gliederung im Editor flacher anlegen.]`;

type Mark = NonNullable<JSONContent["marks"]>[number];

function printableMarks(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of marks) {
    if (m.type !== "link") {
      out.push(m);
      continue;
    }
    const href = safeHref(m.attrs?.href);
    if (href && !href.startsWith("#")) out.push({ ...m, attrs: { ...m.attrs, href } });
  }
  return out;
}

/** The document, or the note in its place when it is nested deeper than the editor allows. */
export function withinNesting(doc: JSONContent): JSONContent {
  if (checkNesting(doc).ok) return doc;
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: TOO_DEEP_NOTE, marks: [{ type: "italic" }] }] }] };
}

/** A copy of the document that Typst can always print (see above). */
export function printableDoc(doc: JSONContent): JSONContent {
  const checked = withinNesting(doc);
  if (checked !== doc) return checked;
  // Depth is bounded now, so a plain recursive walk is safe.
  const walk = (node: JSONContent): JSONContent => {
    const copy: JSONContent = { ...node };
    if (Array.isArray(node.marks)) copy.marks = printableMarks(node.marks);
    if (Array.isArray(node.content)) copy.content = node.content.map(walk);
    return copy;
  };
  return walk(doc);
}
