/**
 * Search within one concept: a phrase search over texts the caller already
 * loaded through the access check (lib/concepts/find.ts). Pure and without
 * regular expressions built from the query, so nothing typed is interpreted:
 * case-insensitive (German lower case), umlauts and ß match as typed.
 */

export const MIN_QUERY = 2;
export const MAX_QUERY = 100;
export const MAX_HITS = 50;
/** Characters of context on each side of the match in an excerpt. */
const CONTEXT = 60;

export type QueryCheck = { ok: true; query: string } | { ok: false; reason: "empty" | "too_short" | "too_long" };

/** The query as searched: trimmed, runs of white space as one space, between MIN_QUERY and MAX_QUERY characters. */
export function cleanQuery(raw: unknown): QueryCheck {
  const query = (typeof raw === "string" ? raw : "").replace(/\s+/g, " ").trim();
  if (!query) return { ok: false, reason: "empty" };
  const length = [...query].length;
  if (length < MIN_QUERY) return { ok: false, reason: "too_short" };
  if (length > MAX_QUERY) return { ok: false, reason: "too_long" };
  return { ok: true, query };
}

/** A text to search and what it stands for (a part, a measure, a comment …). */
export type SearchDoc<T> = { text: string; ref: T };

export type Excerpt = { before: string; match: string; after: string };
export type SearchHit<T> = { ref: T; excerpt: Excerpt; matches: number };
export type SearchResult<T> = { hits: SearchHit<T>[]; truncated: boolean };

/**
 * Lower-case a text code point by code point, remembering where each lower-case
 * character came from: a few characters change length when lower-cased (İ), and
 * the excerpt must cut the original text at the right places.
 */
function folded(text: string): { lower: string; origin: number[] } {
  let lower = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const l = ch.toLocaleLowerCase("de");
    lower += l;
    for (let k = 0; k < l.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(i);
  return { lower, origin };
}

/** White space of the stored text (line breaks between paragraphs) as single spaces, so a phrase spans them. */
const flat = (text: string) => text.replace(/\s+/g, " ").trim();

function excerptAt(text: string, start: number, end: number): Excerpt {
  let from = Math.max(0, start - CONTEXT);
  let to = Math.min(text.length, end + CONTEXT);
  // Cut at a word boundary where there is one close by.
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > end) to = space;
  }
  return {
    before: (from > 0 ? "… " : "") + text.slice(from, start),
    match: text.slice(start, end),
    after: text.slice(end, to) + (to < text.length ? " …" : ""),
  };
}

/**
 * Every document that contains the query (in the given order, at most `limit`),
 * with an excerpt around its first match and the number of matches.
 * `truncated` says that more documents matched than were returned.
 */
export function searchDocs<T>(docs: readonly SearchDoc<T>[], query: string, limit = MAX_HITS): SearchResult<T> {
  const needle = folded(flat(query)).lower;
  const hits: SearchHit<T>[] = [];
  if (!needle) return { hits, truncated: false };
  for (const doc of docs) {
    const text = flat(doc.text);
    const { lower, origin } = folded(text);
    let at = lower.indexOf(needle);
    if (at === -1) continue;
    if (hits.length === limit) return { hits, truncated: true };
    const first = at;
    let matches = 0;
    while (at !== -1) {
      matches++;
      at = lower.indexOf(needle, at + needle.length);
    }
    hits.push({ ref: doc.ref, excerpt: excerptAt(text, origin[first]!, origin[first + needle.length]!), matches });
  }
  return { hits, truncated: false };
}
