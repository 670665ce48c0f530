"use client";
import { IntentLink } from "@/components/ui/intent-link";
import { useActionState, useId, useState } from "react";
import { takeLibraryMeasureAction } from "@/app/(app)/concepts/[conceptId]/vergleich/bibliothek/actions";
import type { TakeTarget } from "@/lib/peers/take-measure";
import { Notice, stateNotice } from "@/components/ui/notice";
import { useTranslations } from "next-intl";

/** The field a library entry goes to unless the person picks another: the same key; for an own field of action the first own one. */
function defaultField(target: TakeTarget | undefined, fieldKey: string): string {
  if (!target) return "";
  const same = target.fields.find((f) => !f.custom && f.key === fieldKey);
  const own = fieldKey === "other" ? target.fields.find((f) => f.custom) : undefined;
  return (same ?? own ?? target.fields[0])?.id ?? "";
}

/**
 * "In mein Konzept übernehmen" at one library entry: a button opens a small
 * form to choose the concept and the field of action; the status message links
 * to the new measure's card.
 */
export function TakeMeasure({ entry, targets }: { entry: { id: string; title: string; fieldKey: string }; targets: TakeTarget[] }) {
  const tr = useTranslations("library");
  const [state, take, taking] = useActionState(takeLibraryMeasureAction, null);
  const [open, setOpen] = useState(false);
  const [conceptId, setConceptId] = useState(targets[0]?.id ?? "");
  const target = targets.find((t) => t.id === conceptId);
  const [fieldId, setFieldId] = useState(() => defaultField(target, entry.fieldKey));
  const id = `take-${useId().replace(/:/g, "")}`;

  const chooseConcept = (next: string) => {
    setConceptId(next);
    setFieldId(defaultField(targets.find((t) => t.id === next), entry.fieldKey));
  };

  return (
    <div className="take-measure">
      <button
        type="button"
        className="button-secondary"
        aria-expanded={open}
        aria-controls={`${id}-form`}
        aria-label={tr("takeLabel", { title: entry.title })}
        onClick={() => setOpen((o) => !o)}
      >
        {tr("take")}
      </button>
      {open ? (
        <form id={`${id}-form`} action={take} className="form actions-row" style={{ alignItems: "end", marginTop: ".5rem" }}>
          <input type="hidden" name="entryId" value={entry.id} />
          <div className="field">
            <label htmlFor={`${id}-concept`}>{tr("concept")}</label>
            <select id={`${id}-concept`} name="conceptId" value={conceptId} onChange={(e) => chooseConcept(e.target.value)}>
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-field`}>{tr("field")}</label>
            <select id={`${id}-field`} name="fieldId" value={fieldId} onChange={(e) => setFieldId(e.target.value)}>
              {(target?.fields ?? []).map((f) => (
                <option key={f.id} value={f.id}>
                  {f.title}
                </option>
              ))}
            </select>
          </div>
          <button className="button" type="submit" disabled={taking || !fieldId}>
            {tr("takeAsPlanned")}
          </button>
        </form>
      ) : null}
      <Notice message={stateNotice(state, taking)}>
        {state?.ok && !taking ? (
          <IntentLink href={state.data.href}>
            {tr.rich("toMeasure", { title: state.data.title, bdi: (chunks) => <bdi>{chunks}</bdi> })}
          </IntentLink>
        ) : null}
      </Notice>
    </div>
  );
}
