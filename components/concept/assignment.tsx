"use client";
import { useActionState, useEffect, useId } from "react";
import { useKeepValuesOnError } from "@/components/ui/keep-values";
import { useTranslations } from "next-intl";
import { assignAction, unassignAction } from "@/app/(app)/concepts/[conceptId]/assignment-actions";
import { formatDate } from "@/lib/format";
import { LazyDetails } from "@/components/ui/lazy-details";
import { useAnnounceWorkflow } from "./workflow-live";

type Props = {
  conceptId: string;
  chapter: string;
  fieldId: string | null;
  /** the place's name for labels and screen readers ("Wohnen", "Ausgangslage") */
  label: string;
  current: { assigneeId: string; name: string; dueDate: string } | null;
  /** admin: anyone with edit rights; self: the editor may take an open place or give up their own; none: read only */
  mode: "admin" | "self" | "none";
  me: string;
  /** members with edit rights (for the admin's choice) */
  members: { id: string; name: string }[];
  today: string;
};

function Place({ conceptId, chapter, fieldId }: Pick<Props, "conceptId" | "chapter" | "fieldId">) {
  return (
    <>
      <input type="hidden" name="conceptId" value={conceptId} />
      <input type="hidden" name="chapter" value={chapter} />
      <input type="hidden" name="fieldId" value={fieldId ?? ""} />
    </>
  );
}

/** Who is responsible for a chapter or field of action and by when; admins assign, editors take or give up their own. */
export function PlaceAssignment(props: Props) {
  const { current, mode, me, members, today, label } = props;
  const t = useTranslations("writing");
  const id = useId();
  const [assigned, assign, assigning] = useActionState(assignAction, null);
  const [removed, remove, removing] = useActionState(unassignAction, null);
  const keep = useKeepValuesOnError(assigned);
  const announce = useAnnounceWorkflow();
  useEffect(() => void (assigned?.ok && announce()), [assigned, announce]);
  useEffect(() => void (removed?.ok && announce()), [removed, announce]);
  const mayRemove = current && (mode === "admin" || (mode === "self" && current.assigneeId === me));
  const mayAssign = mode === "admin" || (mode === "self" && !current);
  if (!current && mode === "none") return null;
  const error = (assigned && !assigned.ok ? assigned : null) ?? (removed && !removed.ok ? removed : null);
  const openLabel = mode === "admin" ? (current ? t("reassign") : t("assign")) : t("takeOver");
  return (
    <div className="part-assignment" data-testid="assignment">
      {current ? (
        <span>
          {t("responsible", { name: current.name })}{" "}
          {current.dueDate < today ? <strong className="overdue">{t("overdueSince", { date: formatDate(current.dueDate) })}</strong> : t("dueOn", { date: formatDate(current.dueDate) })}
        </span>
      ) : null}
      {mayRemove ? (
        <form action={remove} className="inline-form">
          <Place {...props} />
          <button type="submit" className="button-link" disabled={removing} aria-label={`${current.assigneeId === me && mode === "self" ? t("giveUp") : t("unassign")}: ${label}`}>
            {current.assigneeId === me && mode === "self" ? t("giveUp") : t("unassign")}
          </button>
        </form>
      ) : null}
      {mayAssign ? (
        <LazyDetails
          className="assign-details"
          summary={<summary aria-label={`${openLabel}: ${label}`}>{openLabel}</summary>}
        >
          <form action={assign} className="assign-form" {...keep}>
            <Place {...props} />
            {mode === "admin" ? (
              <div className="form-field">
                <label htmlFor={`${id}-who`}>{t("person")}</label>
                <select id={`${id}-who`} name="assigneeId" required defaultValue={current?.assigneeId ?? ""}>
                  <option value="" disabled>
                    {t("choosePerson")}
                  </option>
                  {members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <input type="hidden" name="assigneeId" value={me} />
            )}
            <div className="form-field">
              <label htmlFor={`${id}-due`}>{t("due")}</label>
              <input id={`${id}-due`} name="dueDate" type="date" required min={today} defaultValue={current?.dueDate ?? ""} />
            </div>
            <button type="submit" className="button-secondary" disabled={assigning}>
              {mode === "admin" ? t("assignSubmit") : t("takeOverSubmit")}
            </button>
          </form>
        </LazyDetails>
      ) : null}
      <span role="status" aria-live="polite">
        {error ? <span className="form-error"> {error.fieldErrors ? Object.values(error.fieldErrors)[0] : error.error}</span> : null}
      </span>
    </div>
  );
}
