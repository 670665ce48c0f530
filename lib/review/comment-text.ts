/**
 * Comment text is plain text. When shown it is split into text, links (found
 * by findLinks in comment-links.ts, only http, https and mailto) and @mentions
 * of members; React renders the parts as text nodes and <a>, so no HTML ever
 * comes from a comment.
 */
import type { LinkSpan } from "./comment-links";

export const MAX_COMMENT = 5000;

export type Member = { id: string; name: string };
export type CommentToken = { kind: "text"; text: string } | { kind: "link"; text: string; href: string } | { kind: "mention"; text: string; userId: string };

type Span = { start: number; end: number; token: CommentToken };

function mentionSpans(body: string, members: Member[]): Span[] {
  const spans: Span[] = [];
  const lower = body.toLocaleLowerCase("de");
  // Longest names first, so "@Anna Maria Schulz" wins over "@Anna Maria".
  for (const m of [...members].sort((a, b) => b.name.length - a.name.length)) {
    const needle = `@${m.name}`.toLocaleLowerCase("de");
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (/[\p{L}\p{N}]/u.test(body[end] ?? "")) continue; // "@Anna" inside "@Annabell"
      if (spans.some((s) => at < s.end && end > s.start)) continue;
      spans.push({ start: at, end, token: { kind: "mention", text: body.slice(at, end), userId: m.id } });
    }
  }
  return spans;
}

/** The parts of a comment's text, in order: its mentions, and the links found in it (findLinks), where no mention is. */
export function tokenize(body: string, members: Member[], links: LinkSpan[]): CommentToken[] {
  const spans = mentionSpans(body, members);
  for (const l of links) {
    if (l.start < 0 || l.end > body.length || l.start >= l.end) continue;
    if (spans.some((s) => l.start < s.end && l.end > s.start)) continue;
    spans.push({ start: l.start, end: l.end, token: { kind: "link", text: body.slice(l.start, l.end), href: l.href } });
  }
  spans.sort((a, b) => a.start - b.start);
  const out: CommentToken[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push({ kind: "text", text: body.slice(at, s.start) });
    out.push(s.token);
    at = s.end;
  }
  if (at < body.length) out.push({ kind: "text", text: body.slice(at) });
  return out;
}

/** The ids of the members a comment mentions (each once). */
export function findMentions(body: string, members: Member[]): string[] {
  return [...new Set(mentionSpans(body, members).map((s) => (s.token.kind === "mention" ? s.token.userId : "")))].filter(Boolean);
}

/** Trimmed; line breaks kept (at most two in a row); control characters refused by the caller's validation. */
export function cleanCommentBody(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}
