import "server-only";
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { editorSchema } from "@/lib/editor/schema";
import { serializeHtml } from "@/lib/editor/serialize-html";
import { renderedHtmlStore } from "@/lib/editor/rendered-html-store";

/**
 * Static HTML of a stored (validated) document, rendered by Tiptap from THE
 * extension list: parts that are not being edited show this instead of a live
 * editor, so a long concept stays fast.
 */
export function renderHtml(doc: JSONContent): string {
  return serializeHtml(editorSchema(), doc);
}

/**
 * Rendered HTML by the document's content: a part is rendered once per change, not once per page view.
 * Shared with the server rendering of the concept page's parts: the page sends a part's key instead of its
 * HTML, so the text is in the page once and not a second time in the React payload (issue 17).
 */
const rendered = renderedHtmlStore();
/** Many concepts' parts; a key read by the page is read by its server rendering within milliseconds. */
const KEEP = 5000;

/**
 * `render(doc)` kept by a hash of the document and `kind` (what renders it: a part, a comparison), and that hash: the
 * key a client component reads the HTML by during the server rendering (components/editor/static-html.ts).
 */
export function keyedHtml(kind: string, doc: JSONContent, render: (doc: JSONContent) => string): { key: string; html: string } {
  const key = createHash("sha1").update(kind).update("\0").update(JSON.stringify(doc)).digest("base64");
  const hit = rendered.get(key);
  if (hit !== undefined) {
    // most recently used last: the oldest go first when the cache is full
    rendered.delete(key);
    rendered.set(key, hit);
    return { key, html: hit };
  }
  const html = render(doc);
  rendered.set(key, html);
  if (rendered.size > KEEP) rendered.delete(rendered.keys().next().value!);
  return { key, html };
}

/** renderHtml by a hash of the document, and that hash (the key the part's client component reads it by). */
export function renderHtmlKeyed(doc: JSONContent): { key: string; html: string } {
  return keyedHtml("part", doc, renderHtml);
}

/**
 * renderHtml, kept by a hash of the document: the concept page renders every part on every view, and
 * Tiptap's rendering costs tens of milliseconds for a long part, its hash well under one.
 */
export function renderHtmlCached(doc: JSONContent): string {
  return renderHtmlKeyed(doc).html;
}
