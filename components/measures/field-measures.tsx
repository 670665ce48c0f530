"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { deleteMeasureAction, moveMeasureAction } from "@/app/(app)/concepts/[conceptId]/measure-actions";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import type { MeasureView } from "@/lib/measures/view";
import { Notice, type NoticeMessage } from "@/components/ui/notice";
import { MeasureCard } from "./measure-card";
import { MeasureForm } from "./measure-form";
import { MeasureOrdering } from "./measure-ordering";
import type { SubGoalOption } from "./measure-types";

export type { MeasureView } from "@/lib/measures/view";

export type FieldMeasuresProps = {
  conceptId: string;
  fieldId: string;
  fieldTitle: string;
  /** "5.2": measures without a code of their own are numbered "M 5.2.1", "M 5.2.2" … */
  fieldNumber: string;
  measures: MeasureView[];
  subGoals: SubGoalOption[];
  canEdit: boolean;
};


const NEW = "new";

/**
 * The measures (Maßnahmen) of one field of action: readable cards for everyone;
 * for editors an inline form per measure, sorting and deleting. Writes go
 * through the server actions, then the page data is refreshed.
 */
export function FieldMeasures({ conceptId, fieldId, fieldTitle, fieldNumber, measures, subGoals, canEdit }: FieldMeasuresProps) {
  const router = useRouter();
  const t = useTranslations("measures");
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeMessage>(null);
  const [pending, startTransition] = useTransition();
  /*
   * Where focus goes after a write: the first of `ids` that exists and is enabled.
   * With `waitFor`, only once the refreshed list has arrived (a moved card is
   * re-inserted into the DOM, which drops the focus of its buttons).
   */
  const focusNext = useRef<{ ids: string[]; waitFor: MeasureView[] | null } | null>(null);
  const base = `measures-${fieldId}`;
  const addButtonId = `${base}-add`;

  useEffect(() => {
    const target = focusNext.current;
    if (!target || target.waitFor === measures) return;
    focusNext.current = null;
    for (const id of target.ids) {
      const el = document.getElementById(id);
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });

  const move = (m: MeasureView, direction: "up" | "down") => {
    if (pending) return;
    setNotice(null);
    startTransition(async () => {
      const result = await moveMeasureAction({ conceptId, measureId: m.id, direction });
      if (!result.ok) {
        setNotice({ kind: "error", text: result.error });
        return;
      }
      setNotice({ kind: "ok", text: direction === "up" ? t("movedUp", { title: m.title }) : t("movedDown", { title: m.title }) });
      if (!result.data.moved) return;
      const card = cardId(base, m.id);
      focusNext.current = {
        ids: [`${card}-${direction}`, `${card}-${direction === "up" ? "down" : "up"}`, `${card}-edit`],
        waitFor: measures,
      };
      router.refresh();
    });
  };

  const remove = (m: MeasureView) => {
    if (pending) return;
    if (!window.confirm(t("deleteConfirm", { title: m.title }))) return;
    setNotice(null);
    startTransition(async () => {
      const result = await deleteMeasureAction({ conceptId, measureId: m.id });
      if (!result.ok) {
        setNotice({ kind: "error", text: result.error });
        return;
      }
      setNotice({ kind: "ok", text: result.message ?? t("deleted") });
      focusNext.current = { ids: [addButtonId], waitFor: measures };
      router.refresh();
    });
  };

  const startEditing = (id: string) => {
    setNotice(null);
    setEditing(id);
  };

  const closeForm = (focusId: string) => {
    setEditing(null);
    focusNext.current = { ids: [focusId, addButtonId], waitFor: null };
  };

  const onSaved = (measureId: string, created: boolean) => {
    setEditing(null);
    setNotice({ kind: "ok", text: t("saved") });
    // A new card only exists after the refresh; an edited one is there at once.
    focusNext.current = { ids: [`${cardId(base, measureId)}-edit`, addButtonId], waitFor: created ? measures : null };
    router.refresh();
  };

  return (
    <div className="measures" data-testid={`measures-${fieldId}`}>
      {measures.length === 0 && editing !== NEW ? (
        <p className="meta">{t("none", { field: fieldTitle })}</p>
      ) : null}
      {measures.length ? (
        <ol className="measure-list">
          {measures.map((m, i) => (
            <li key={m.id}>
              {canEdit && editing === m.id ? (
                <MeasureForm
                  conceptId={conceptId}
                  fieldId={fieldId}
                  fieldTitle={fieldTitle}
                  subGoals={subGoals}
                  initial={m}
                  automaticNumber={measureNumber(fieldNumber, i)}
                  onCancel={() => closeForm(`${cardId(base, m.id)}-edit`)}
                  onSaved={onSaved}
                />
              ) : (
                <MeasureCard
                  id={cardId(base, m.id)}
                  measure={m}
                  label={measureLabel(m.code, measureNumber(fieldNumber, i))}
                  subGoals={subGoals}
                  actions={
                    canEdit ? (
                      <MeasureOrdering
                        id={cardId(base, m.id)}
                        title={m.title}
                        first={i === 0}
                        last={i === measures.length - 1}
                        busy={pending || editing !== null}
                        onEdit={() => startEditing(m.id)}
                        onMove={(d) => move(m, d)}
                        onDelete={() => remove(m)}
                      />
                    ) : null
                  }
                />
              )}
            </li>
          ))}
        </ol>
      ) : null}
      {canEdit ? (
        editing === NEW ? (
          <MeasureForm
            conceptId={conceptId}
            fieldId={fieldId}
            fieldTitle={fieldTitle}
            subGoals={subGoals}
            initial={null}
            automaticNumber={measureNumber(fieldNumber, measures.length)}
            onCancel={() => closeForm(addButtonId)}
            onSaved={onSaved}
          />
        ) : (
          <button
            type="button"
            id={addButtonId}
            className="button-secondary"
            onClick={() => startEditing(NEW)}
            disabled={editing !== null}
          >
            {t("add")}
          </button>
        )
      ) : null}
      {/* After the list and its add button: a message appearing moves nothing the person is about to press. */}
      <Notice className="measures-status" message={notice} />
    </div>
  );
}

function cardId(base: string, measureId: string) {
  return `${base}-${measureId}`;
}
