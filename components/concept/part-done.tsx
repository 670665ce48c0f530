"use client";
import { useActionState, useEffect } from "react";
import { useTranslations } from "next-intl";
import { markPartDoneAction, unmarkPartDoneAction } from "@/app/(app)/concepts/[conceptId]/part-actions";
import { formatDate } from "@/lib/format";
import { useAnnounceWorkflow } from "./workflow-live";

type Props = {
  conceptId: string;
  chapter: string;
  part: string;
  fieldId: string | null;
  /** the part's name for screen readers ("Leitziel – Sprache") */
  label: string;
  done: { by: string | null; at: string } | null;
  canEdit: boolean;
};

/**
 * A part's "fertig" mark: who marked it and when, and for editors and admins
 * the button that marks it or takes the mark back.
 */
export function PartDone({ conceptId, chapter, part, fieldId, label, done, canEdit }: Props) {
  const t = useTranslations("writing");
  const [marked, mark, marking] = useActionState(markPartDoneAction, null);
  const [unmarked, unmark, unmarking] = useActionState(unmarkPartDoneAction, null);
  const [state, action, pending] = done ? [unmarked, unmark, unmarking] : [marked, mark, marking];
  const announce = useAnnounceWorkflow();
  useEffect(() => void (marked?.ok && announce()), [marked, announce]);
  useEffect(() => void (unmarked?.ok && announce()), [unmarked, announce]);
  if (!done && !canEdit) return null;
  return (
    <form action={action} className="part-done" data-testid="part-done">
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="chapter" value={chapter} />
      <input type="hidden" name="part" value={part} />
      <input type="hidden" name="fieldId" value={fieldId ?? ""} />
      {done ? (
        <span className="state state-done">
          {done.by ? t("doneBy", { name: done.by, date: formatDate(done.at) }) : t("doneAt", { date: formatDate(done.at) })}
        </span>
      ) : null}
      {canEdit ? (
        <button type="submit" className="button-link" disabled={pending} aria-label={`${done ? t("undoDone") : t("markDone")}: ${label}`}>
          {done ? t("undoDone") : t("markDone")}
        </button>
      ) : null}
      <span role="status" aria-live="polite">
        {state && !state.ok ? <span className="form-error"> {state.error}</span> : null}
      </span>
    </form>
  );
}
