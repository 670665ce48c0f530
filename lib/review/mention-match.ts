/**
 * Matching what someone types after "@" against member names, with and
 * without diacritics: "Yildiz" finds "Yıldız", "Muller" and "Mueller" find
 * "Müller", "Strasse" finds "Straße". Pure, used by the composer's picker.
 */
import type { LinkSpan } from "./comment-links";
import { tokenize, type Member } from "./comment-text";

/** Letters that NFD does not take apart (no combining mark to strip). */
const SPECIAL: Record<string, string> = { ı: "i", ß: "ss", æ: "ae", œ: "oe", ø: "o", đ: "d", ð: "d", ł: "l", þ: "th", ħ: "h" };
const GERMAN: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue" };

const strip = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "");

/** Lower case without diacritics: "Ayşe Yıldız" → "ayse yildiz". */
export function foldName(value: string): string {
  return strip(value.toLocaleLowerCase("de").replace(/[ıßæœøđðłþħ]/g, (c) => SPECIAL[c]!)).replace(/\s+/g, " ").trim();
}

/** As foldName, but German umlauts as two letters: "Müller" → "mueller". */
function foldGerman(value: string): string {
  return foldName(value.toLocaleLowerCase("de").replace(/[äöü]/g, (c) => GERMAN[c]!));
}

/** How well a typed query fits a name: 0 the name starts with it, 1 a later word does, 2 it is inside; null no fit. */
function rank(query: string, name: string): number | null {
  let best: number | null = null;
  for (const form of new Set([foldName(name), foldGerman(name)])) {
    const words = form.split(/[\s-]+/);
    const r = form.startsWith(query) ? 0 : words.some((_, i) => i > 0 && words.slice(i).join(" ").startsWith(query)) ? 1 : form.includes(query) ? 2 : null;
    if (r !== null && (best === null || r < best)) best = r;
  }
  return best;
}

/** The members whose names fit the query, best first (then alphabetically); an empty query lists everyone. */
export function matchMembers<M extends Member>(query: string, members: M[], limit = 8): M[] {
  const q = foldName(query);
  const scored: { m: M; r: number }[] = [];
  for (const m of members) {
    const r = q ? rank(q, m.name) : 0;
    if (r !== null) scored.push({ m, r });
  }
  scored.sort((a, b) => a.r - b.r || a.m.name.localeCompare(b.m.name, "de"));
  return scored.slice(0, limit).map((s) => s.m);
}

/**
 * The mention being typed at the caret: an "@" at the start or after a space
 * or opening bracket, followed by at most three words and no line break.
 * Null when the caret is not in one (e.g. in an e-mail address).
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  if (at > 0 && !/[\s([{"„'‚]/u.test(before[at - 1]!)) return null;
  const query = before.slice(at + 1);
  if (/[\n@]/.test(query) || query.length > 60 || query.split(" ").length > 3 || /^\s/.test(query)) return null;
  return { start: at, query };
}

/** The text with the mention at `start` (up to the caret) replaced by "@Name ", and the caret after it. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length };
}

/**
 * "@Words" in a comment that name no member (what the server would not
 * notify), each once, as typed: shown before sending instead of dropping
 * them silently. An "@" inside a word (an e-mail address) or inside one of the
 * links given (findLinks: "https://social.example/@name") is not a mention.
 */
export function unknownMentions(body: string, members: Member[], links: LinkSpan[]): string[] {
  const out = new Set<string>();
  let at = 0;
  for (const token of tokenize(body, members, links)) {
    if (token.kind === "text") {
      for (const m of token.text.matchAll(/(^|[\s([{"„'‚])@([\p{L}\p{N}][\p{L}\p{N}.'’-]*)/gu)) {
        // The start of the comment or right after a known mention counts as "after a space" only at the token's start.
        if (m.index === 0 && m[1] === "" && at > 0 && !/\s/.test(body[at - 1] ?? " ")) continue;
        out.add(`@${m[2]!.replace(/[.'’-]+$/, "")}`);
      }
    }
    at += token.text.length;
  }
  return [...out];
}
