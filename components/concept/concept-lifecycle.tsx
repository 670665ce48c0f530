"use client";
import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { archiveConceptAction, markConceptForDeletionAction, restoreConceptAction, unarchiveConceptAction } from "@/app/(app)/concepts/actions";
import type { ActionResult } from "@/lib/actions";
import { Notice, stateNotice } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

type Action = (prev: ActionResult | null, form: FormData) => Promise<ActionResult>;

/** One button that posts the concept's id to a lifecycle action; a refusal shows below it (the one notice, role=alert). */
function StepButton({ action, conceptId, label, text, danger }: { action: Action; conceptId: string; label: string; text: string; danger?: boolean }) {
  const [state, run, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const t = useTranslations("conceptLifecycle");
  return (
    <form action={run} className="inline-form">
      <input type="hidden" name="conceptId" value={conceptId} />
      <button type="submit" className={danger ? "button-danger" : "button-secondary"} aria-label={label} disabled={pending}>
        {pending ? t("working") : text}
      </button>
      <Notice message={state?.ok ? null : stateNotice(state, pending)} />
    </form>
  );
}

/**
 * An admin's archive and delete controls of one concept in the list. Deleting
 * asks inline (no browser dialog): a box that names the concept must be ticked.
 */
export function ConceptLifecycle({ conceptId, title, archived, graceDays }: { conceptId: string; title: string; archived: boolean; graceDays: number }) {
  const t = useTranslations("conceptLifecycle");
  const [state, mark, pending] = useActionState<ActionResult | null, FormData>(markConceptForDeletionAction, null);
  const box = useId();
  return (
    <details className="concept-manage" data-testid="concept-manage">
      <summary>{t("manage")}</summary>
      <div className="actions-row">
        {archived ? (
          <StepButton action={unarchiveConceptAction} conceptId={conceptId} label={t("unarchiveLabel", { title })} text={t("unarchive")} />
        ) : (
          <StepButton action={archiveConceptAction} conceptId={conceptId} label={t("archiveLabel", { title })} text={t("archive")} />
        )}
      </div>
      <details className="concept-manage">
        <summary>{t.rich("markForDeletionLabel", { title, bdi: (chunks) => <bdi>{chunks}</bdi> })}</summary>
        <form action={mark} className="form">
          <input type="hidden" name="conceptId" value={conceptId} />
          <p>{t.rich("confirmIntro", { title, days: graceDays, bdi: (chunks) => <bdi>{chunks}</bdi> })}</p>
          <div className="field field-checkbox">
            <input id={box} type="checkbox" name="confirm" required aria-invalid={state && !state.ok ? true : undefined} />
            <label htmlFor={box}>
              {t.rich("confirmBox", { title, bdi: (chunks) => <bdi>{chunks}</bdi> })}
              <RequiredMark />
            </label>
          </div>
          <button type="submit" className="button-danger" disabled={pending}>
            {pending ? t("working") : t("confirmSubmit")}
          </button>
          <Notice message={state?.ok ? null : stateNotice(state, pending)} />
        </form>
      </details>
    </details>
  );
}

/** The restore button of a concept marked for deletion. */
export function RestoreConceptButton({ conceptId, title }: { conceptId: string; title: string }) {
  const t = useTranslations("conceptLifecycle");
  return <StepButton action={restoreConceptAction} conceptId={conceptId} label={t("restoreLabel", { title })} text={t("restore")} />;
}
