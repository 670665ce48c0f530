import "server-only";
import type { JSONContent } from "@tiptap/core";
import { generateHTML } from "@tiptap/html";
import { diffExtensions } from "./marks";

/** HTML of a compared document (with <ins>/<del> for the change marks), from the same extension list as the editor. */
export function renderDiffHtml(doc: JSONContent): string {
  try {
    return generateHTML(doc, diffExtensions);
  } catch {
    return "<p><em>Dieser Abschnitt konnte nicht dargestellt werden.</em></p>";
  }
}
