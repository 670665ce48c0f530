import "server-only";
import type { JSONContent } from "@tiptap/core";
import { keyedHtml } from "@/lib/editor/render";
import { serializeHtml } from "@/lib/editor/serialize-html";
import { diffSchema } from "./richtext";

/** HTML of a compared document (with <ins>/<del> for the change marks), from the same extension list as the editor. */
export function renderDiffHtml(doc: JSONContent): string {
  return serializeHtml(diffSchema(), doc);
}

/**
 * renderDiffHtml by a hash of the document, and that hash: the comparison page sends the key in its React payload and
 * the HTML in the page only (components/versions/diff-html.tsx), so each compared text is sent once (issue 17).
 */
export function renderDiffHtmlKeyed(doc: JSONContent): { key: string; html: string } {
  return keyedHtml("diff", doc, renderDiffHtml);
}
