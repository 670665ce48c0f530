import type { LinkSpan } from "@/lib/review/comment-links";
import { tokenize, type Member } from "@/lib/review/comment-text";

/** A comment's plain text with links and @mentions; everything else stays text (React escapes it). */
export function CommentBody({ body, links, members }: { body: string; links: LinkSpan[]; members: Member[] }) {
  return (
    <p className="comment-body user-text" dir="auto">
      {tokenize(body, members, links).map((t, i) =>
        t.kind === "link" ? (
          <a key={i} href={t.href} rel="noopener noreferrer nofollow" target="_blank">
            {t.text}
          </a>
        ) : t.kind === "mention" ? (
          <strong key={i} className="mention">
            {t.text}
          </strong>
        ) : (
          <span key={i}>{t.text}</span>
        ),
      )}
    </p>
  );
}
