"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { createThreadAction } from "@/app/(app)/concepts/[conceptId]/pruefung/actions";
import { Notice } from "@/components/ui/notice";
import { useNoticeAction } from "@/components/ui/use-notice-action";
import { byData, useFocusLater } from "@/components/ui/use-focus-later";
import { RequiredMark } from "@/components/ui/required-mark";
import { MentionField } from "./mention-field";

export type ComposerTarget = { kind: "text"; sectionId: string } | { kind: "measure"; measureId: string } | { kind: "chapter"; chapter: string; fieldKey?: string | null };
export type TextSelection = { start: number; end: number; quote: string };

/**
 * A new comment thread. Collapsed to one button until used. For text, the
 * passage comes from the selection in the section (sent as offsets and quote;
 * the server makes the anchor) or, without a mouse, from the quote field.
 * Focus never falls to the page: opening puts it into the first field,
 * cancelling back on "Kommentieren", saving on the new thread.
 */
export function Composer({
  conceptId,
  target,
  label,
  selection,
  onDone,
}: {
  conceptId: string;
  target: ComposerTarget;
  label: string;
  selection?: TextSelection | null;
  /** called with the new thread after saving, without it on cancel */
  onDone?: (created?: { threadId: string }) => void;
}) {
  const t = useTranslations("review");
  const { message, setMessage, pending, run } = useNoticeAction();
  // Opened for a selection (the concept page's margin mounts it then), it is open from the first paint.
  const [open, setOpen] = useState(!!selection);
  const [body, setBody] = useState("");
  const [quote, setQuote] = useState(selection?.quote ?? "");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const key = target.kind === "text" ? target.sectionId : target.kind === "measure" ? target.measureId : `${target.chapter}-${target.fieldKey ?? ""}`;

  // A new selection in the section opens the form with the passage filled in.
  useEffect(() => {
    if (selection) {
      setQuote(selection.quote);
      setOpen(true);
    }
  }, [selection]);

  if (!open) {
    return (
      <div className="composer-closed">
        <button ref={openButton} type="button" className="button-secondary composer-open" onClick={() => (setMessage(null), setOpen(true))}>
          {t("comment")}
          <span className="visually-hidden"> – {label}</span>
        </button>
        <Notice message={message} />
      </div>
    );
  }
  const submit = () => {
    if (target.kind === "text" && !quote.trim()) {
      setMessage({ kind: "error", text: t("needQuote") });
      return;
    }
    const sent =
      target.kind === "text"
        ? { ...target, quote, ...(selection && selection.quote === quote ? { start: selection.start, end: selection.end } : {}) }
        : target;
    run(() => createThreadAction({ conceptId, target: sent, body }), t("created"), (created) => {
      focusLater(byData("thread-id", created.threadId));
      setBody("");
      setQuote("");
      setOpen(false);
      onDone?.(created);
    });
  };
  return (
    <form
      className="composer"
      aria-label={t("commentOn", { label })}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {target.kind === "text" ? (
        <div className="field">
          <label htmlFor={`quote-${key}`}>
            {t("quoteLabel")}
            <RequiredMark />
          </label>
          <input id={`quote-${key}`} type="text" aria-required="true" autoFocus={!selection} value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={2000} aria-describedby={`quote-hint-${key}`} />
          <span id={`quote-hint-${key}`} className="hint">
            {t("quoteHint")}
          </span>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`body-${key}`}>
          {t("commentLabel")}
          <RequiredMark />
        </label>
        <MentionField
          conceptId={conceptId}
          textareaRef={bodyRef}
          id={`body-${key}`}
          rows={3}
          aria-required="true"
          value={body}
          onValueChange={setBody}
          maxLength={5000}
          aria-describedby={`body-hint-${key}`}
          autoFocus={target.kind !== "text" || !!selection}
        />
        <span id={`body-hint-${key}`} className="hint">
          {t("commentHint")}
        </span>
      </div>
      <div className="actions-row">
        <button type="submit" className="button" disabled={pending || !body.trim()}>
          {t("send")}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            focusLater(() => openButton.current);
            setOpen(false);
            onDone?.();
          }}
        >
          {t("cancel")}
        </button>
      </div>
      <Notice message={message} />
    </form>
  );
}
