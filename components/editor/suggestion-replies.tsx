"use client";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { createThreadAction, replyAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";

export type SuggestionThread = { id: string; suggestionId: string | null; comments: { id: string; author: string | null; body: string; state: string }[] };

/**
 * The answers to one open proposal, like a comment thread: listed under it,
 * and a field to answer. The first answer starts the thread (a comment thread
 * of target "suggestion" on the part), later ones reply to it; the server
 * checks that the proposal is still open and who may comment.
 */
export function SuggestionReplies(props: { conceptId: string; sectionId: string; suggestionId: string; thread: SuggestionThread | null; onSent: () => void }) {
  const t = useTranslations("editor");
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const fieldId = useId();
  const send = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    setError("");
    const result = props.thread
      ? await replyAction({ conceptId: props.conceptId, threadId: props.thread.id, body })
      : await createThreadAction({ conceptId: props.conceptId, target: { kind: "suggestion", sectionId: props.sectionId, suggestionId: props.suggestionId }, body });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setBody("");
    props.onSent();
  };
  const visible = props.thread?.comments.filter((c) => c.state === "visible") ?? [];
  return (
    <div className="suggestion-replies" data-testid="suggestion-replies">
      {visible.length ? (
        <ul aria-label={t("suggestionRepliesHeading")}>
          {visible.map((c) => (
            <li key={c.id}>
              <span className="suggestion-author">{c.author ?? t("suggestionSomeone")}</span>: {c.body}
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="actions-row"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={fieldId} className="visually-hidden">
          {t("suggestionReplyLabel")}
        </label>
        <input id={fieldId} type="text" value={body} maxLength={4000} onChange={(e) => setBody(e.target.value)} placeholder={t("suggestionReplyLabel")} disabled={busy} />
        <button type="submit" className="button-secondary" disabled={busy || !body.trim()}>
          {t("suggestionReply")}
        </button>
      </form>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
