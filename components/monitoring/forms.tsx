"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import {
  clearYearStatusAction,
  deleteValueAction,
  recordValueAction,
  setYearStatusAction,
} from "@/app/(app)/concepts/[conceptId]/monitoring/actions";
import type { ActionResult } from "@/lib/actions";
import { YEAR_STATUSES } from "@/lib/monitoring/year-status";
import { useKeepValuesOnError } from "@/components/ui/keep-values";

/* The monitoring's forms: each posts to its server action and says what happened in an aria-live status. */

function Status({ id, state, field }: { id: string; state: ActionResult | null; field?: string }) {
  return (
    <span id={id} aria-live="polite" role="status">
      {state && !state.ok ? <span className="form-error">{(field && state.fieldErrors?.[field]) || Object.values(state.fieldErrors ?? {})[0] || state.error}</span> : null}
      {state?.ok ? <span className="form-status">{state.message}</span> : null}
    </span>
  );
}

/** Add an Ist-Wert: day, value (a number, or a text where the indicator has no numeric target), source, note. */
export function ValueForm(props: { conceptId: string; measureId: string; indicatorId: string; indicatorName: string; numeric: boolean; unit: string; today: string; source: string }) {
  const t = useTranslations("monitoring");
  const [state, action, pending] = useActionState(recordValueAction, null);
  const id = useId();
  const err = (f: string) => (state && !state.ok ? state.fieldErrors?.[f] : undefined);
  const keep = useKeepValuesOnError(state);
  return (
    <form action={action} {...keep} className="monitoring-form" aria-label={t("valueFormLabel", { name: props.indicatorName })} data-testid="value-form">
      <input type="hidden" name="conceptId" value={props.conceptId} />
      <input type="hidden" name="measureId" value={props.measureId} />
      <input type="hidden" name="indicatorId" value={props.indicatorId} />
      <div className="form-field">
        <label htmlFor={`${id}-day`}>{t("day")}</label>
        <input id={`${id}-day`} name="observedOn" type="date" required max={props.today} aria-invalid={!!err("observedOn")} aria-describedby={`${id}-status`} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-value`}>
          {t("value")}
          {props.unit.trim() ? ` (${props.unit.trim()})` : ""}
        </label>
        <input
          id={`${id}-value`}
          name="value"
          required
          maxLength={200}
          inputMode={props.numeric ? "decimal" : undefined}
          placeholder={props.numeric ? t("valuePlaceholderNumber") : t("valuePlaceholderText")}
          aria-invalid={!!err("value")}
          aria-describedby={`${id}-status`}
        />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-source`}>{t("source")}</label>
        <input id={`${id}-source`} name="source" maxLength={200} defaultValue={props.source} aria-invalid={!!err("source")} />
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-note`}>{t("note")}</label>
        <input id={`${id}-note`} name="note" maxLength={1000} aria-invalid={!!err("note")} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveValue")}
      </button>
      <Status id={`${id}-status`} state={state} />
    </form>
  );
}

export function DeleteValueButton({ conceptId, valueId, label }: { conceptId: string; valueId: string; label: string }) {
  const t = useTranslations("monitoring");
  const [state, action, pending] = useActionState(deleteValueAction, null);
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="valueId" value={valueId} />
      <button className="button-link" type="submit" disabled={pending} aria-label={t("deleteValue", { label })}>
        {t("delete")}
      </button>
      <Status id={`del-${valueId}`} state={state} />
    </form>
  );
}

/** Set (or replace) the implementation status of a year, with a short note. */
export function YearStatusForm(props: { conceptId: string; measureId: string; measureLabel: string; years: number[]; current: Record<number, { status: string; note: string }> }) {
  const t = useTranslations("monitoring");
  const labels = useTranslations("labels");
  const [state, action, pending] = useActionState(setYearStatusAction, null);
  const id = useId();
  const last = props.years[props.years.length - 1];
  const keep = useKeepValuesOnError(state);
  return (
    <form action={action} {...keep} className="monitoring-form" aria-label={t("yearFormLabel", { measure: props.measureLabel })} data-testid="year-status-form">
      <input type="hidden" name="conceptId" value={props.conceptId} />
      <input type="hidden" name="measureId" value={props.measureId} />
      <div className="form-field">
        <label htmlFor={`${id}-year`}>{t("year")}</label>
        <select id={`${id}-year`} name="year" defaultValue={last}>
          {props.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-status`}>{t("yearStatus")}</label>
        <select id={`${id}-status`} name="status" defaultValue={last !== undefined ? (props.current[last]?.status ?? "implemented") : "implemented"}>
          {YEAR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {labels(`yearStatuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${id}-note`}>{t("shortNote")}</label>
        <input id={`${id}-note`} name="note" maxLength={1000} size={40} />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveYearStatus")}
      </button>
      <Status id={`${id}-msg`} state={state} />
    </form>
  );
}

export function ClearYearStatusButton({ conceptId, measureId, year }: { conceptId: string; measureId: string; year: number }) {
  const t = useTranslations("monitoring");
  const [state, action, pending] = useActionState(clearYearStatusAction, null);
  return (
    <form action={action} style={{ display: "inline" }}>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="measureId" value={measureId} />
      <input type="hidden" name="year" value={year} />
      <button className="button-link" type="submit" disabled={pending} aria-label={t("clearYearStatus", { year: String(year) })}>
        {t("clear")}
      </button>
      <Status id={`clr-${measureId}-${year}`} state={state} />
    </form>
  );
}
