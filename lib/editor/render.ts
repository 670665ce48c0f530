import "server-only";
import type { JSONContent } from "@tiptap/core";
import { generateHTML } from "@tiptap/html";
import { editorExtensions } from "@/lib/editor/extensions";

/**
 * Static HTML of a stored (validated) document, rendered by Tiptap from THE
 * extension list: parts that are not being edited show this instead of a live
 * editor, so a long concept stays fast.
 */
export function renderHtml(doc: JSONContent): string {
  try {
    return generateHTML(doc, editorExtensions);
  } catch {
    return "<p><em>Dieser Abschnitt konnte nicht dargestellt werden.</em></p>";
  }
}
