"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { deleteKeyFigureAction, recordKeyFigureAction } from "@/app/(app)/concepts/[conceptId]/monitoring/actions";
import type { ActionResult } from "@/lib/actions";
import { useKeepValuesOnError } from "@/components/ui/keep-values";

/* The key figures' forms: each posts to its server action and says what happened in an aria-live status. */

function Status({ id, state }: { id: string; state: ActionResult | null }) {
  return (
    <span id={id} aria-live="polite" role="status">
      {state && !state.ok ? <span className="form-error">{Object.values(state.fieldErrors ?? {})[0] || state.error}</span> : null}
      {state?.ok ? <span className="form-status">{state.message}</span> : null}
    </span>
  );
}

/** Enter a key figure's value of a year: a new figure, or a new year of one already in the table (its name from the list). */
export function KeyFigureForm({ conceptId, names, thisYear }: { conceptId: string; names: { name: string; unit: string }[]; thisYear: number }) {
  const t = useTranslations("monitoring.keyFigures");
  const [state, action, pending] = useActionState(recordKeyFigureAction, null);
  const id = useId();
  const err = (f: string) => (state && !state.ok ? !!state.fieldErrors?.[f] : false);
  const keep = useKeepValuesOnError(state);
  return (
    <form action={action} {...keep} className="monitoring-form" aria-label={t("formLabel")} data-testid="key-figure-form">
      <input type="hidden" name="conceptId" value={conceptId} />
      <div className="form-field">
        <label htmlFor={`${id}-name`}>{t("name")}</label>
        <input id={`${id}-name`} name="name" required maxLength={200} size={36} list={`${id}-names`} aria-invalid={err("name")} aria-describedby={`${id}-status`} />
        <datalist id={`${id}-names`}>
          {names.map((n) => (
            <option key={n.name} value={n.name} />
          ))}
        </datalist>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-value`}>{t("value")}</label>
        <input id={`${id}-value`} name="value" required maxLength={40} inputMode="decimal" placeholder={t("valuePlaceholder")} aria-invalid={err("value")} aria-describedby={`${id}-status`} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-unit`}>{t("unit")}</label>
        <input id={`${id}-unit`} name="unit" maxLength={40} size={10} aria-invalid={err("unit")} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-year`}>{t("year")}</label>
        <input id={`${id}-year`} name="year" type="number" required min={1990} max={2100} defaultValue={thisYear} aria-invalid={err("year")} aria-describedby={`${id}-status`} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-date`}>{t("referenceDate")}</label>
        <input id={`${id}-date`} name="referenceDate" type="date" aria-invalid={err("referenceDate")} aria-describedby={`${id}-status`} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-source`}>{t("source")}</label>
        <input id={`${id}-source`} name="source" maxLength={300} size={30} aria-invalid={err("source")} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
      <Status id={`${id}-status`} state={state} />
    </form>
  );
}

export function DeleteKeyFigureButton({ conceptId, keyFigureId, label }: { conceptId: string; keyFigureId: string; label: string }) {
  const t = useTranslations("monitoring.keyFigures");
  const [state, action, pending] = useActionState(deleteKeyFigureAction, null);
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="keyFigureId" value={keyFigureId} />
      <button className="button-link" type="submit" disabled={pending} aria-label={t("deleteLabel", { label })}>
        {t("delete")}
      </button>
      <Status id={`kf-del-${keyFigureId}`} state={state} />
    </form>
  );
}
