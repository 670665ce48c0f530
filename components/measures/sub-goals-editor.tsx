"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  addSubGoalAction,
  deleteSubGoalAction,
  moveSubGoalAction,
  updateSubGoalAction,
} from "@/app/(app)/concepts/[conceptId]/measure-actions";
import type { GoalMeasure } from "@/lib/measures/goal-links";
import { Notice, type NoticeMessage } from "@/components/ui/notice";
import { GrowingTextArea, oneLine } from "@/components/ui/growing-textarea";
import { RequiredMark } from "@/components/ui/required-mark";

type SubGoalItem = { id: string; text: string; measures?: GoalMeasure[] };

export type SubGoalsEditorProps = {
  conceptId: string;
  fieldId: string;
  fieldTitle: string;
  subGoals: SubGoalItem[];
  canEdit: boolean;
};


/**
 * The sub-goals (Teilziele) of one field of action as a numbered list. Editors
 * change a text in place (saved on leaving the field or with Enter, Escape
 * reverts), sort with "Nach oben" / "Nach unten", delete and add.
 */
export function SubGoalsEditor({ conceptId, fieldId, fieldTitle, subGoals, canEdit }: SubGoalsEditorProps) {
  const router = useRouter();
  const t = useTranslations("subGoals");
  const [notice, setNotice] = useState<NoticeMessage>(null);
  const [newText, setNewText] = useState("");
  const [newError, setNewError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const focusNext = useRef<{ ids: string[]; waitFor: SubGoalItem[] } | null>(null);
  const base = `subgoals-${fieldId}`;
  const newId = `${base}-new`;

  // After a move or delete, put focus back once the refreshed list has arrived.
  useEffect(() => {
    const target = focusNext.current;
    if (!target || target.waitFor === subGoals) return;
    focusNext.current = null;
    for (const id of target.ids) {
      const el = document.getElementById(id);
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });

  if (!canEdit) {
    return subGoals.length ? (
      <ol className="sub-goals" data-testid={`sub-goals-${fieldId}`}>
        {subGoals.map((g) => (
          <li key={g.id}>
            <bdi>{g.text}</bdi>
            <GoalMeasures fieldId={fieldId} measures={g.measures} />
          </li>
        ))}
      </ol>
    ) : (
      <p className="meta" data-testid={`sub-goals-${fieldId}`}>
        {t("none", { field: fieldTitle })}
      </p>
    );
  }

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setNotice(null);
    const text = newText.trim();
    if (!text) {
      setNewError(t("textRequired"));
      return;
    }
    startTransition(async () => {
      const result = await addSubGoalAction({ conceptId, fieldId, text });
      if (!result.ok) {
        setNewError(result.fieldErrors?.text ?? result.error);
        return;
      }
      setNewError(null);
      setNewText("");
      setNotice({ kind: "ok", text: t("added", { number: subGoals.length + 1 }) });
      router.refresh();
    });
  };

  const save = (goal: SubGoalItem, number: number, text: string, done: (error: string | null) => void) => {
    setNotice(null);
    startTransition(async () => {
      const result = await updateSubGoalAction({ conceptId, subGoalId: goal.id, text });
      if (!result.ok) {
        done(result.fieldErrors?.text ?? result.error);
        return;
      }
      done(null);
      setNotice({ kind: "ok", text: t("saved", { number }) });
      router.refresh();
    });
  };

  const move = (goal: SubGoalItem, number: number, direction: "up" | "down") => {
    if (pending) return;
    setNotice(null);
    startTransition(async () => {
      const result = await moveSubGoalAction({ conceptId, subGoalId: goal.id, direction });
      if (!result.ok) {
        setNotice({ kind: "error", text: result.error });
        return;
      }
      if (!result.data.moved) return;
      const to = direction === "up" ? number - 1 : number + 1;
      setNotice({ kind: "ok", text: t("moved", { number, to }) });
      const item = `${base}-${goal.id}`;
      focusNext.current = { ids: [`${item}-${direction}`, `${item}-${direction === "up" ? "down" : "up"}`, `${item}-text`], waitFor: subGoals };
      router.refresh();
    });
  };

  const remove = (goal: SubGoalItem, number: number, index: number) => {
    if (pending) return;
    const question = t("deleteConfirm", { number, text: goal.text });
    if (!window.confirm(question)) return;
    setNotice(null);
    startTransition(async () => {
      const result = await deleteSubGoalAction({ conceptId, subGoalId: goal.id });
      if (!result.ok) {
        setNotice({ kind: "error", text: result.error });
        return;
      }
      setNotice({ kind: "ok", text: t("deleted", { number }) });
      const neighbour = subGoals[index + 1] ?? subGoals[index - 1];
      focusNext.current = { ids: [neighbour ? `${base}-${neighbour.id}-text` : newId, newId], waitFor: subGoals };
      router.refresh();
    });
  };

  return (
    <div className="sub-goals-editor" data-testid={`sub-goals-${fieldId}`}>
      {subGoals.length === 0 ? <p className="meta">{t("none", { field: fieldTitle })}</p> : null}
      <ol className="sub-goals sub-goals-edit">
        {subGoals.map((g, i) => (
          <SubGoalRow
            key={g.id}
            id={`${base}-${g.id}`}
            goal={g}
            number={i + 1}
            fieldTitle={fieldTitle}
            first={i === 0}
            last={i === subGoals.length - 1}
            busy={pending}
            onSave={(text, done) => save(g, i + 1, text, done)}
            onMove={(direction) => move(g, i + 1, direction)}
            onDelete={() => remove(g, i + 1, i)}
            onInvalid={() => setNotice(null)}
            measures={<GoalMeasures fieldId={fieldId} measures={g.measures} />}
          />
        ))}
      </ol>
      {/* The label above and the error below the row of text and button: an error appearing never moves the button. */}
      <form className="sub-goal-add" onSubmit={add} noValidate>
        <label htmlFor={newId}>
          {t("newLabel", { field: fieldTitle })}
          <RequiredMark />
        </label>
        <div className="sub-goal-add-row">
          <GrowingTextArea
            id={newId}
            value={newText}
            maxLength={1000}
            aria-required="true"
            aria-invalid={newError ? true : undefined}
            aria-describedby={newError ? `${newId}-error` : undefined}
            onChange={(e) => {
              setNewText(oneLine(e.target.value));
              if (newError) setNewError(null);
            }}
            onKeyDown={(e) => {
              // Enter adds, as it did in the one-line field; the text wraps, it has no lines of its own.
              if (e.key === "Enter") {
                e.preventDefault();
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <button type="submit" className="button-secondary" aria-disabled={pending || undefined}>
            {t("add")}
          </button>
        </div>
        <Notice id={`${newId}-error`} message={newError ? { kind: "error", text: newError } : null} />
      </form>
      <Notice className="measures-status" message={notice} />
    </div>
  );
}

function SubGoalRow(props: {
  id: string;
  goal: SubGoalItem;
  number: number;
  fieldTitle: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onSave: (text: string, done: (error: string | null) => void) => void;
  onMove: (direction: "up" | "down") => void;
  onDelete: () => void;
  /** the text was refused before sending: an earlier success must not stand beside the error */
  onInvalid: () => void;
  measures: ReactNode;
}) {
  const { id, goal, number, first, last, busy } = props;
  const t = useTranslations("subGoals");
  const [draft, setDraft] = useState(goal.text);
  const [shown, setShown] = useState(goal.text);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // The text last sent, so that Enter followed by leaving the field saves once.
  const sent = useRef<string | null>(null);

  // A new text from the server (after a save or someone else's change) replaces an unchanged draft.
  if (goal.text !== shown) {
    setShown(goal.text);
    if (draft === shown) setDraft(goal.text);
  }

  const commit = () => {
    const text = draft.trim();
    if (text === goal.text || text === sent.current) {
      if (text !== draft) setDraft(text);
      return;
    }
    if (!text) {
      setError(t("emptyText"));
      props.onInvalid();
      return;
    }
    sent.current = text;
    setSaving(true);
    props.onSave(text, (message) => {
      setSaving(false);
      setError(message);
      if (message) sent.current = null;
      else setDraft(text);
    });
  };

  const textId = `${id}-text`;
  return (
    <li className="sub-goal">
      <label htmlFor={textId} className="visually-hidden">
        {t("itemLabel", { number, field: props.fieldTitle })}
      </label>
      <GrowingTextArea
        id={textId}
        value={draft}
        maxLength={1000}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setDraft(oneLine(e.target.value));
          sent.current = null;
          if (error) setError(null);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            setDraft(goal.text);
            setError(null);
          }
        }}
      />
      {saving ? <span className="meta sub-goal-saving">{t("saving")}</span> : null}
      <div className="actions-row sub-goal-actions">
        <button
          type="button"
          id={`${id}-up`}
          className="button-secondary"
          aria-label={t("moveUpLabel", { number })}
          disabled={first}
          aria-disabled={busy || undefined}
          onClick={() => props.onMove("up")}
        >
          {t("moveUp")}
        </button>
        <button
          type="button"
          id={`${id}-down`}
          className="button-secondary"
          aria-label={t("moveDownLabel", { number })}
          disabled={last}
          aria-disabled={busy || undefined}
          onClick={() => props.onMove("down")}
        >
          {t("moveDown")}
        </button>
        <button
          type="button"
          id={`${id}-delete`}
          className="button-danger"
          aria-label={t("deleteLabel", { number })}
          aria-disabled={busy || undefined}
          onClick={props.onDelete}
        >
          {t("delete")}
        </button>
      </div>
      <Notice id={`${id}-error`} message={error ? { kind: "error", text: error } : null} />
      {props.measures}
    </li>
  );
}

/** The measures that serve a sub-goal, each a link to its card (the other direction of the measure's "Teilziele"). */
function GoalMeasures({ fieldId, measures }: { fieldId: string; measures?: GoalMeasure[] }) {
  const t = useTranslations("subGoals");
  if (!measures) return null;
  return (
    <p className="sub-goal-measures meta">
      {measures.length === 0 ? (
        t("noMeasures")
      ) : (
        <>
          {t("measures")}{" "}
          {measures.map((m, i) => (
            <span key={m.id}>
              {i > 0 ? ", " : null}
              {/* the card's id in FieldMeasures: measures-<field>-<measure> */}
              <a href={`#measures-${fieldId}-${m.id}`}>
                <bdi>{m.label}</bdi> <bdi>{m.title}</bdi>
              </a>
            </span>
          ))}
        </>
      )}
    </p>
  );
}
