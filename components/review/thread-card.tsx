"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { deleteCommentAction, editCommentAction, hideCommentAction, replyAction, setThreadStateAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { formatDateTime } from "@/lib/format";
import type { Member } from "@/lib/review/comment-text";
import type { CommentView, ThreadView } from "@/lib/review/comments";
import { MentionField } from "./mention-field";
import { CommentBody } from "./comment-body";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";
import { byData, useFocusLater } from "@/components/ui/use-focus-later";
import { RequiredMark } from "@/components/ui/required-mark";

export type ReviewViewer = { userId: string; canComment: boolean; canModerate: boolean };

/** One thread: its anchor (or "Textstelle entfernt"), the comments, a reply box and resolve / reopen. */
export function ThreadCard({
  conceptId,
  thread,
  viewer,
  members,
  onFocusThread,
}: {
  conceptId: string;
  thread: ThreadView;
  viewer: ReviewViewer;
  members: Member[];
  onFocusThread?: (id: string | null) => void;
}) {
  const t = useTranslations("review");
  const { message, pending, run } = useNoticeAction();
  const focusLater = useFocusLater();
  const [reply, setReply] = useState("");
  const headingId = `thread-${thread.id}`;
  const resolved = thread.state === "resolved";
  const first = thread.comments[0];
  return (
    <article
      className={`thread${resolved ? " is-resolved" : ""}`}
      aria-labelledby={headingId}
      data-testid="thread"
      data-thread-id={thread.id}
      tabIndex={-1}
      onFocus={() => onFocusThread?.(thread.id)}
      onMouseEnter={() => onFocusThread?.(thread.id)}
      onMouseLeave={() => onFocusThread?.(null)}
    >
      <h4 id={headingId} className="thread-head">
        <bdi>{first?.authorName ?? t("unknownAuthor")}</bdi>
        <span className="thread-state">{resolved ? t("resolved") : t("open")}</span>
      </h4>
      {thread.quote !== null ? (
        thread.anchorState === "removed" ? (
          <p className="thread-quote is-removed">
            <strong>{t("anchorRemoved")}</strong> <q>{thread.quote}</q>
          </p>
        ) : (
          <blockquote className="thread-quote">{thread.quote}</blockquote>
        )
      ) : null}
      <ol className="comment-list">
        {thread.comments.map((c) => (
          <CommentItem key={c.id} conceptId={conceptId} comment={c} viewer={viewer} members={members} />
        ))}
      </ol>
      {viewer.canComment ? (
        <form
          className="reply-form"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => replyAction({ conceptId, threadId: thread.id, body: reply }), t("replied"), (created) => {
              setReply("");
              // The send button is disabled once the box is empty: focus goes to the new reply instead of the page.
              focusLater(byData("comment-id", created.commentId));
            });
          }}
        >
          <label htmlFor={`reply-${thread.id}`}>
            {t("replyLabel")}
            <RequiredMark />
          </label>
          <MentionField conceptId={conceptId} members={members} id={`reply-${thread.id}`} aria-required="true" rows={2} value={reply} onValueChange={setReply} maxLength={5000} />
          <div className="actions-row">
            <button type="submit" className="button-secondary" disabled={pending || !reply.trim()}>
              {t("reply")}
            </button>
            <button
              type="button"
              className="button-secondary"
              disabled={pending}
              data-thread-action="state"
              onClick={() => run(() => setThreadStateAction({ conceptId, threadId: thread.id, state: resolved ? "open" : "resolved" }), resolved ? t("reopened") : t("resolvedDone"))}
            >
              {resolved ? t("reopen") : t("resolve")}
            </button>
          </div>
        </form>
      ) : null}
      <Notice message={message} />
    </article>
  );
}

function CommentItem({ conceptId, comment, viewer, members }: { conceptId: string; comment: CommentView; viewer: ReviewViewer; members: Member[] }) {
  const t = useTranslations("review");
  const { message, pending, run } = useNoticeAction();
  const focusLater = useFocusLater();
  const editButton = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLLIElement>(null);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(comment.body);
  const own = comment.authorId === viewer.userId && comment.state === "visible";
  return (
    <li ref={item} className="comment" data-testid="comment" data-comment-id={comment.id} tabIndex={-1}>
      <p className="meta">
        <bdi>{comment.authorName ?? t("unknownAuthor")}</bdi> · {formatDateTime(comment.createdAt)}
        {comment.editedAt ? ` · ${t("edited")}` : ""}
      </p>
      {comment.state === "deleted" ? (
        <p className="comment-body is-gone">{t("deleted")}</p>
      ) : comment.state === "hidden" ? (
        <p className="comment-body is-gone">{t("hidden")}</p>
      ) : editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(() => editCommentAction({ conceptId, commentId: comment.id, body: text }), t("editedDone"), () => {
              setEditing(false);
              focusLater(() => editButton.current);
            });
          }}
        >
          <label htmlFor={`edit-${comment.id}`}>
            {t("editLabel")}
            <RequiredMark />
          </label>
          <MentionField conceptId={conceptId} members={members} id={`edit-${comment.id}`} aria-required="true" rows={3} value={text} onValueChange={setText} maxLength={5000} autoFocus />
          <div className="actions-row">
            <button type="submit" className="button-secondary" disabled={pending}>
              {t("saveEdit")}
            </button>
            <button type="button" className="link-button" onClick={() => (setEditing(false), focusLater(() => editButton.current))}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <CommentBody body={comment.body} links={comment.links} members={members} />
      )}
      {!editing && comment.state === "visible" && (own || viewer.canModerate) ? (
        <div className="actions-row comment-actions">
          {own ? (
            <>
              <button ref={editButton} type="button" className="link-button" onClick={() => setEditing(true)}>
                {t("edit")}
              </button>
              <button type="button" className="link-button" disabled={pending} onClick={() => run(() => deleteCommentAction({ conceptId, commentId: comment.id }), t("deletedDone"), () => focusLater(() => item.current))}>
                {t("delete")}
              </button>
            </>
          ) : null}
          {viewer.canModerate && !own ? (
            <button type="button" className="link-button" disabled={pending} onClick={() => run(() => hideCommentAction({ conceptId, commentId: comment.id }), t("hiddenDone"), () => focusLater(() => item.current))}>
              {t("hide")}
            </button>
          ) : null}
        </div>
      ) : null}
      <Notice message={message} />
    </li>
  );
}
