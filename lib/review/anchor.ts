/**
 * Text anchors of comments: a TextQuoteSelector (W3C Web Annotation) with the
 * offsets as a hint, over a section's "anchor text" — its text nodes joined
 * without separators. The same string is what a browser's Range.toString()
 * gives over the statically rendered HTML of the section, so the client can
 * send offsets and paint highlights without knowing ProseMirror positions.
 * Pure functions: used by the server (create, resolve) and the tests.
 */
import type { JSONContent } from "@tiptap/core";
import type { TextAnchor } from "@/db/schema";

export const CONTEXT_CHARS = 32;
export const MAX_QUOTE = 2000;

/** The text nodes of a document, joined (no block separators). */
export function anchorText(node: JSONContent | null | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.text ?? "";
  let out = "";
  for (const child of node.content ?? []) out += anchorText(child);
  return out;
}

const isHigh = (text: string, i: number) => i >= 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xd800;
const isLow = (text: string, i: number) => i >= 0 && i < text.length && (text.charCodeAt(i) & 0xfc00) === 0xdc00;
/** Is `i` between the two halves of one character (an emoji, a rare CJK character …)? */
const splitsPair = (text: string, i: number) => isHigh(text, i - 1) && isLow(text, i);

/**
 * An anchor for [start, end) of `text`; null when the range is empty or out of bounds.
 * Offsets are UTF-16 units: a range that cuts a character outside the BMP in half
 * is widened to the whole character, and the context is cut only between
 * characters — half a character is not valid Unicode and PostgreSQL refuses it.
 */
export function makeAnchor(text: string, start: number, end: number): TextAnchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) return null;
  if (splitsPair(text, start)) start -= 1;
  if (splitsPair(text, end)) end += 1;
  const quote = text.slice(start, end);
  if (!quote.trim() || quote.length > MAX_QUOTE) return null;
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (splitsPair(text, from)) from += 1;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (splitsPair(text, to)) to -= 1;
  return { quote, prefix: text.slice(from, start), suffix: text.slice(end, to), start, end };
}

/** An anchor for the first occurrence of a typed quote (keyboard path: no selection, a quoted passage). */
export function anchorForQuote(text: string, quote: string): TextAnchor | null {
  const q = quote.trim();
  if (!q) return null;
  const at = text.indexOf(q);
  if (at >= 0) return makeAnchor(text, at, at + q.length);
  // Whitespace may differ (line breaks in a selection, double spaces): match it loosely.
  const pattern = new RegExp(q.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s*"));
  const m = pattern.exec(text);
  return m ? makeAnchor(text, m.index, m.index + m[0].length) : null;
}

function commonSuffix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function commonPrefix(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Where the anchor is in `text` now: every occurrence of the quote, scored by
 * how much of the stored prefix and suffix still surround it, then by nearness
 * to the old offset. Null when the quote no longer occurs ("Textstelle entfernt").
 */
export function resolveAnchor(text: string, anchor: TextAnchor): { start: number; end: number } | null {
  const { quote } = anchor;
  if (!quote) return null;
  if (text.slice(anchor.start, anchor.end) === quote && text.slice(Math.max(0, anchor.start - anchor.prefix.length), anchor.start) === anchor.prefix) {
    return { start: anchor.start, end: anchor.end };
  }
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    const before = text.slice(Math.max(0, at - anchor.prefix.length), at);
    const after = text.slice(at + quote.length, at + quote.length + anchor.suffix.length);
    const score = commonSuffix(before, anchor.prefix) + commonPrefix(after, anchor.suffix);
    const distance = Math.abs(at - anchor.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + quote.length } : null;
}
