/**
 * The links in a comment's plain text, found by linkifyjs: only absolute http,
 * https and mailto targets that the shared link check allows. Kept apart from
 * comment-text.ts so a page that shows comments does not ship linkify: the
 * server finds the links (CommentView.links), and the composer loads this
 * module only once someone types an "@".
 */
import { find } from "linkifyjs";
import { safeHref } from "@/lib/editor/links";

export type LinkSpan = { start: number; end: number; href: string };

export function findLinks(body: string): LinkSpan[] {
  const out: LinkSpan[] = [];
  for (const l of find(body, { defaultProtocol: "https" })) {
    if (l.type !== "url" && l.type !== "email") continue;
    // Never an in-document anchor from a comment.
    const href = safeHref(l.href);
    if (!href || href.startsWith("#")) continue;
    out.push({ start: l.start, end: l.end, href });
  }
  return out;
}
