import "server-only";
import { createHash } from "node:crypto";
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

/** Rendered HTML by the document's content: a part is rendered once per change, not once per page view. */
const rendered = new Map<string, string>();
const KEEP = 2000;

/**
 * renderHtml, kept by a hash of the document: the concept page renders every part on every view, and
 * Tiptap's rendering costs tens of milliseconds for a long part, its hash well under one.
 */
export function renderHtmlCached(doc: JSONContent): string {
  const key = createHash("sha1").update(JSON.stringify(doc)).digest("base64");
  const hit = rendered.get(key);
  if (hit !== undefined) {
    // most recently used last: the oldest go first when the cache is full
    rendered.delete(key);
    rendered.set(key, hit);
    return hit;
  }
  const html = renderHtml(doc);
  rendered.set(key, html);
  if (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!);
  return html;
}
