"use client";
import { UserList } from "@/components/ui/user-list";
import type { JSONContent } from "@tiptap/core";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  createMeasureAction,
  deleteMeasureAction,
  moveMeasureAction,
  updateMeasureAction,
} from "@/app/(app)/concepts/[conceptId]/measure-actions";
import dynamic from "next/dynamic";
import type { FundingLine, Indicator, MeasureStatus, Priority, TaskType } from "@/db/schema";
import type { IndicatorDraft } from "@/lib/measures/indicator-ids";
import { EMPTY_DOC, plainText } from "@/lib/editor/document";
import { useLabels } from "@/lib/i18n/hooks";
import {
  FUNDING_SOURCES,
  INDICATOR_KINDS,
  PRIORITIES,
  STATUSES,
  TASK_TYPES,
  formatDate,
  formatEuro,
  formatEuroInput,
  formatFte,
} from "@/lib/measures/labels";
import { MAX_LIST_ITEMS, NumberFormatError, formatDecimalInput, parseDecimalDe, parseEuroToCents } from "@/lib/measures/numbers";
import type { MeasureInputDraft } from "@/lib/measures/schema";
import { measureLabel, measureNumber } from "@/lib/measures/label";
import type { MeasureView } from "@/lib/measures/view";
import "./measures.css";

// The description's editor (Tiptap, ProseMirror) loads when a form opens, not with the page.
const RichTextEditor = dynamic(() => import("@/components/editor/rich-text-editor").then((m) => m.RichTextEditor), {
  ssr: false,
  loading: () => (
    <div className="rich-text">
      <div className="rich-static" aria-busy="true" />
    </div>
  ),
});
import { Notice, type NoticeMessage } from "@/components/ui/notice";
import { RequiredMark } from "@/components/ui/required-mark";

export type { MeasureView } from "@/lib/measures/view";

type SubGoalOption = { id: string; text: string };

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


type MeasuresT = ReturnType<typeof useTranslations<"measures">>;

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
                      <CardActions
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

/* ---------- read-only card ---------- */

function MeasureCard({ id, measure: m, label, subGoals, actions }: { id: string; measure: MeasureView; label: string; subGoals: SubGoalOption[]; actions: ReactNode }) {
  const linked = subGoals.map((g, index) => ({ ...g, number: index + 1 })).filter((g) => m.subGoalIds.includes(g.id));
  const fundingTotal = m.fundingLines.reduce((sum, f) => sum + f.amountCents, 0);
  const hasDescription = plainText(m.description).trim() !== "";
  const t = useTranslations("measures");
  const labels = useLabels();
  return (
    <article className="card measure-card" data-testid="measure-card" id={id} aria-labelledby={`${id}-title`}>
      <header className="measure-card-head">
        {/* Outside the heading: the card's accessible name stays its title. */}
        <span className="measure-label" data-testid="measure-label">
          <bdi>{label}</bdi>
        </span>
        <h5 id={`${id}-title`}>
          <bdi>{m.title}</bdi>
        </h5>
        <span className={`measure-badge measure-badge-${m.status}`}>{labels.statuses[m.status]}</span>
      </header>
      {m.origin ? (
        <p className="meta measure-origin" data-testid="measure-origin">
          {t("origin", { date: formatDate(m.origin.takenOn) })}
        </p>
      ) : null}
      <dl className="measure-facts">
        <Fact term={t("status")}>{labels.statuses[m.status]}</Fact>
        <Fact term={t("leadOffice")}>{m.leadOffice ? <bdi>{m.leadOffice}</bdi> : null}</Fact>
        <Fact term={t("period")}>{period(t, m.startDate, m.endDate)}</Fact>
        <Fact term={t("priority")}>{labels.priorities[m.priority]}</Fact>
        <Fact term={t("taskType")}>{labels.taskTypes[m.taskType]}</Fact>
        <Fact term={t("staff")}>{formatFte(m.staffFte)}</Fact>
        <Fact term={t("staffCostRateShort")}>{m.staffCostPerFteCents === null ? "" : formatEuro(m.staffCostPerFteCents)}</Fact>
        <Fact term={t("materialCost")}>{m.materialCostCents === null ? "" : formatEuro(m.materialCostCents)}</Fact>
        <Fact term={t("targetGroups")}>
          {m.targetGroups.length ? <UserList items={m.targetGroups} className="measure-inline-list" /> : null}
        </Fact>
        <Fact term={t("partners")}>
          {m.partners.length ? <UserList items={m.partners} className="measure-inline-list" /> : null}
        </Fact>
        <Fact term={t("subGoals")}>
          {linked.length ? (
            <ul className="measure-inline-list">
              {linked.map((g) => (
                <li key={g.id}>{t("subGoalItem", { number: g.number, text: g.text })}</li>
              ))}
            </ul>
          ) : null}
        </Fact>
      </dl>
      {hasDescription ? (
        <div className="measure-description">
          <div className="rich-text">
            {/* static HTML from the server: a card needs no editor (its code loads only when a form opens) */}
            <div
              id={`${id}-description`}
              className="rich-static"
              role="textbox"
              aria-multiline="true"
              aria-readonly="true"
              aria-label={t("descriptionOf", { title: m.title })}
              dangerouslySetInnerHTML={{ __html: m.descriptionHtml }}
            />
          </div>
        </div>
      ) : null}
      {m.fundingLines.length ? (
        <div className="measure-table-wrap" tabIndex={0} role="region" aria-label={`${t("fundingLines")}: ${m.title}`} /* focusable: keyboard users can scroll a wide table */>
          <table className="table measure-table">
            <caption>{t("fundingLines")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("source")}</th>
                <th scope="col">{t("programme")}</th>
                <th scope="col" className="num">
                  {t("amount")}
                </th>
                <th scope="col">{t("until")}</th>
              </tr>
            </thead>
            <tbody>
              {m.fundingLines.map((f, i) => (
                <tr key={i}>
                  <td>{labels.fundingSources[f.source]}</td>
                  <td>{f.programme || <Empty />}</td>
                  <td className="num">{formatEuro(f.amountCents)}</td>
                  <td>{f.until ? formatDate(f.until) : <Empty />}</td>
                </tr>
              ))}
            </tbody>
            {m.fundingLines.length > 1 ? (
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    {t("total")}
                  </th>
                  <td className="num">{formatEuro(fundingTotal)}</td>
                  <td />
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      ) : null}
      {m.indicators.length ? (
        <div className="measure-table-wrap" tabIndex={0} role="region" aria-label={`${t("indicators")}: ${m.title}`}>
          <table className="table measure-table">
            <caption>{t("indicators")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicator")}</th>
                <th scope="col">{t("kind")}</th>
                <th scope="col">{t("unit")}</th>
                <th scope="col">{t("baselineToTarget")}</th>
                <th scope="col">{t("dataSource")}</th>
                <th scope="col">{t("cadenceShort")}</th>
              </tr>
            </thead>
            <tbody>
              {m.indicators.map((ind, i) => (
                <tr key={i}>
                  <td>
                    <bdi>{ind.name}</bdi>
                  </td>
                  <td>{labels.indicatorKinds[ind.kind]}</td>
                  <td>{ind.unit || <Empty />}</td>
                  <td>
                    {ind.baseline || "–"} → {ind.target || "–"}
                  </td>
                  <td>{ind.dataSource || <Empty />}</td>
                  <td>{ind.cadence || <Empty />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {actions}
    </article>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === "";
  return (
    <div className="measure-fact">
      <dt>{term}</dt>
      <dd>{empty ? <Empty /> : children}</dd>
    </div>
  );
}

/** Start and end of a measure as one phrase ("01.03.2026 – 31.12.2027", "ab …", "bis …"); dates stay German. */
function period(t: MeasuresT, startDate: string | null, endDate: string | null): string {
  if (startDate && endDate) return t("periodRange", { start: formatDate(startDate), end: formatDate(endDate) });
  if (startDate) return t("periodFrom", { start: formatDate(startDate) });
  if (endDate) return t("periodUntil", { end: formatDate(endDate) });
  return "";
}

function Empty() {
  const t = useTranslations("measures");
  return <span className="measure-empty">{t("notGiven")}</span>;
}

function CardActions(props: {
  id: string;
  title: string;
  first: boolean;
  last: boolean;
  busy: boolean;
  onEdit: () => void;
  onMove: (direction: "up" | "down") => void;
  onDelete: () => void;
}) {
  const { id, title, first, last, busy } = props;
  const t = useTranslations("measures");
  return (
    <div className="actions-row measure-actions">
      <button type="button" id={`${id}-edit`} className="button-secondary" aria-label={t("editLabel", { title })} onClick={props.onEdit} disabled={busy}>
        {t("edit")}
      </button>
      <button
        type="button"
        id={`${id}-up`}
        className="button-secondary"
        aria-label={t("moveUpLabel", { title })}
        onClick={() => props.onMove("up")}
        disabled={first}
        aria-disabled={busy || undefined}
      >
        {t("moveUp")}
      </button>
      <button
        type="button"
        id={`${id}-down`}
        className="button-secondary"
        aria-label={t("moveDownLabel", { title })}
        onClick={() => props.onMove("down")}
        disabled={last}
        aria-disabled={busy || undefined}
      >
        {t("moveDown")}
      </button>
      <button type="button" id={`${id}-delete`} className="button-danger" aria-label={t("deleteLabel", { title })} onClick={props.onDelete} aria-disabled={busy || undefined}>
        {t("delete")}
      </button>
    </div>
  );
}

/* ---------- form ---------- */

type FundingRow = { key: number; source: FundingLine["source"]; programme: string; amount: string; until: string };
type IndicatorRow = { key: number } & IndicatorDraft;

type FormValues = {
  title: string;
  code: string;
  description: JSONContent;
  subGoalIds: string[];
  targetGroups: string;
  taskType: TaskType | "";
  leadOffice: string;
  partners: string;
  status: MeasureStatus;
  startDate: string;
  endDate: string;
  priority: Priority;
  staffFte: string;
  materialCost: string;
  staffCost: string;
  fundingLines: FundingRow[];
  indicators: IndicatorRow[];
};

let rowKey = 0;
const nextKey = () => ++rowKey;

function valuesFrom(m: MeasureView | null): FormValues {
  return {
    title: m?.title ?? "",
    code: m?.code ?? "",
    description: m?.description ?? EMPTY_DOC,
    subGoalIds: m ? [...m.subGoalIds] : [],
    targetGroups: m ? m.targetGroups.join("\n") : "",
    taskType: m?.taskType ?? "",
    leadOffice: m?.leadOffice ?? "",
    partners: m ? m.partners.join("\n") : "",
    status: m?.status ?? "planned",
    startDate: m?.startDate ?? "",
    endDate: m?.endDate ?? "",
    priority: m?.priority ?? "medium",
    staffFte: formatDecimalInput(m?.staffFte),
    materialCost: formatEuroInput(m?.materialCostCents),
    staffCost: formatEuroInput(m?.staffCostPerFteCents),
    fundingLines: (m?.fundingLines ?? []).map((f) => ({
      key: nextKey(),
      source: f.source,
      programme: f.programme,
      amount: formatEuroInput(f.amountCents),
      until: f.until ?? "",
    })),
    indicators: (m?.indicators ?? []).map((ind) => ({ key: nextKey(), ...ind })),
  };
}

const emptyFunding = (): FundingRow => ({ key: nextKey(), source: "municipal", programme: "", amount: "", until: "" });
const emptyIndicator = (): IndicatorRow => ({
  key: nextKey(),
  name: "",
  kind: "output",
  unit: "",
  baseline: "",
  target: "",
  dataSource: "",
  cadence: "",
});

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The form's text values as the schema's input; German numbers that cannot be read become errors. */
function buildInput(v: FormValues, t: MeasuresT): { input: MeasureInputDraft; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = <T,>(key: string, parse: () => T): T | null => {
    try {
      return parse();
    } catch (error) {
      errors[key] = error instanceof NumberFormatError ? error.message : t("invalidValue");
      return null;
    }
  };
  const input: MeasureInputDraft = {
    title: v.title,
    code: v.code,
    description: v.description,
    subGoalIds: v.subGoalIds,
    targetGroups: lines(v.targetGroups),
    taskType: v.taskType as TaskType,
    leadOffice: v.leadOffice,
    partners: lines(v.partners),
    status: v.status,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
    priority: v.priority,
    staffFte: read("staffFte", () => parseDecimalDe(v.staffFte)),
    materialCostCents: read("materialCostCents", () => parseEuroToCents(v.materialCost)),
    staffCostPerFteCents: read("staffCostPerFteCents", () => parseEuroToCents(v.staffCost)),
    fundingLines: v.fundingLines.map((f, i) => {
      const key = `fundingLines.${i}.amountCents`;
      let amountCents = read(key, () => parseEuroToCents(f.amount));
      if (amountCents === null && !errors[key]) errors[key] = t("amountRequired");
      amountCents ??= 0;
      return { source: f.source, programme: f.programme, amountCents, until: f.until || null };
    }),
    indicators: v.indicators.map(({ key: _key, ...ind }) => ind),
  };
  return { input, errors };
}

// Order of the form's inputs, so that the error summary reads top to bottom.
const FORM_ORDER = [
  "_",
  "title",
  "code",
  "description",
  "subGoalIds",
  "taskType",
  "status",
  "priority",
  "leadOffice",
  "startDate",
  "endDate",
  "staffFte",
  "staffCostPerFteCents",
  "materialCostCents",
  "targetGroups",
  "partners",
  "fundingLines",
  "indicators",
];

function errorRank(path: string) {
  const [head, index] = path.split(".");
  const rank = FORM_ORDER.indexOf(head ?? "");
  return (rank < 0 ? FORM_ORDER.length : rank) * 1000 + (index ? Number(index) + 1 || 0 : 0);
}

/** Labels of error paths, for the summary. */
function errorLabel(path: string, t: MeasuresT): string {
  const simple: Record<string, string> = {
    title: t("title"),
    code: t("code"),
    description: t("description"),
    subGoalIds: t("subGoals"),
    targetGroups: t("targetGroups"),
    taskType: t("taskType"),
    leadOffice: t("leadOffice"),
    partners: t("partners"),
    status: t("status"),
    startDate: t("start"),
    endDate: t("end"),
    priority: t("priority"),
    staffFte: t("staff"),
    staffCostPerFteCents: t("staffCostRate"),
    materialCostCents: t("materialCost"),
    fundingLines: t("fundingLines"),
    indicators: t("indicators"),
  };
  const [head, index, leaf] = path.split(".");
  const withPart = (label: string, sub: Record<string, string>) => (leaf ? t("errorPathPart", { label, part: sub[leaf] ?? leaf }) : label);
  if (head === "fundingLines" && index !== undefined) {
    const sub: Record<string, string> = { source: t("source"), programme: t("programme"), amountCents: t("amount"), until: t("until") };
    return withPart(t("fundingLine", { number: Number(index) + 1 }), sub);
  }
  if (head === "indicators" && index !== undefined) {
    const sub: Record<string, string> = {
      name: t("name"),
      kind: t("kind"),
      unit: t("unit"),
      baseline: t("baseline"),
      target: t("target"),
      dataSource: t("dataSource"),
      cadence: t("cadence"),
    };
    return withPart(t("indicatorNumber", { number: Number(index) + 1 }), sub);
  }
  if ((head === "targetGroups" || head === "partners") && index !== undefined) {
    return t("listLine", { label: simple[head] ?? head, line: Number(index) + 1 });
  }
  return simple[head ?? ""] ?? t("input");
}

type FormProps = {
  conceptId: string;
  fieldId: string;
  fieldTitle: string;
  subGoals: SubGoalOption[];
  initial: MeasureView | null;
  /** "M 5.2.3": the measure's name while it has no code */
  automaticNumber: string;
  onCancel: () => void;
  onSaved: (measureId: string, created: boolean) => void;
};

function MeasureForm({ conceptId, fieldId, fieldTitle, subGoals, initial, automaticNumber, onCancel, onSaved }: FormProps) {
  const router = useRouter();
  const t = useTranslations("measures");
  const labels = useLabels();
  const formId = `mf-${initial?.id ?? `new-${fieldId}`}`;
  const [values, setValues] = useState<FormValues>(() => valuesFrom(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [conflict, setConflict] = useState<MeasureView | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [pending, startTransition] = useTransition();
  const baseRevision = useRef(initial?.revision ?? 0);
  const dirty = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // Opening the form replaces the button that opened it: start in the title.
  const focusNext = useRef<string | null>(`${formId}-title`);

  useEffect(() => {
    if (!focusNext.current) return;
    document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const inputId = (path: string) => `${formId}-${path.replace(/\./g, "-")}`;
  /** Where an error path's input is: list entries point at their textarea. */
  const targetOf = (path: string) => {
    const [head, index, leaf] = path.split(".");
    if (head === "targetGroups" || head === "partners" || (head !== undefined && index !== undefined && !leaf)) return inputId(head);
    if (head === "_") return `${formId}-title`;
    return inputId(path);
  };
  /** The message for a field: its own, or the first of its entries ("targetGroups.3"). */
  const errorOf = (path: string): string | undefined => {
    if (errors[path]) return errors[path];
    const nested = Object.keys(errors).find((k) => k.startsWith(`${path}.`) && targetOf(k) === inputId(path));
    return nested ? `${errorLabel(nested, t)}: ${errors[nested]}` : undefined;
  };

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    dirty.current = true;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const setRow = <K extends "fundingLines" | "indicators">(key: K, index: number, patch: Partial<FormValues[K][number]>) => {
    dirty.current = true;
    setValues((v) => ({ ...v, [key]: v[key].map((row, i) => (i === index ? { ...row, ...patch } : row)) }));
  };
  const dropRowErrors = (prefix: string) =>
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${prefix}.`))));

  const addRow = (key: "fundingLines" | "indicators") => {
    const index = values[key].length;
    set(key, [...values[key], key === "fundingLines" ? emptyFunding() : emptyIndicator()] as FormValues[typeof key]);
    focusNext.current = inputId(`${key}.${index}.${key === "fundingLines" ? "source" : "name"}`);
  };
  const removeRow = (key: "fundingLines" | "indicators", index: number) => {
    set(key, values[key].filter((_, i) => i !== index) as FormValues[typeof key]);
    dropRowErrors(key);
    focusNext.current = `${formId}-${key}-add`;
  };

  const showErrors = (next: Record<string, string>, message: string) => {
    setErrors(next);
    setSummary({ kind: "error", text: message });
    // The summary is a live region; moving focus there also helps keyboard users find it.
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    setConflict(null);
    const { input, errors: numberErrors } = buildInput(values, t);
    // The same schema as the server's, loaded on first submit so zod stays out of the page's first load.
    const [{ measureInputSchema }, { fieldErrors }, { loadDomainText, translateFieldErrors }] = await Promise.all([
      import("@/lib/measures/schema"),
      import("@/lib/validation"),
      import("@/lib/i18n/domain-client"),
    ]);
    const checked = measureInputSchema.safeParse(input);
    // The schema's messages are German (the server's); an English page shows them in English.
    const local = { ...(checked.success ? {} : translateFieldErrors(fieldErrors(checked.error), await loadDomainText())), ...numberErrors };
    if (Object.keys(local).length) {
      showErrors(local, t("notSaved"));
      return;
    }
    startTransition(async () => {
      if (initial) {
        const result = await updateMeasureAction({ ...input, conceptId, measureId: initial.id, baseRevision: baseRevision.current });
        if (!result.ok) return showErrors(result.fieldErrors ?? {}, result.error);
        if (result.data.status === "conflict") {
          setErrors({});
          setSummary(null);
          setConflict(result.data.current);
          return;
        }
        dirty.current = false;
        onSaved(result.data.measure.id, false);
      } else {
        const result = await createMeasureAction({ ...input, conceptId, fieldId });
        if (!result.ok) return showErrors(result.fieldErrors ?? {}, result.error);
        dirty.current = false;
        onSaved(result.data.measure.id, true);
      }
    });
  };

  const loadCurrent = () => {
    if (!conflict) return;
    baseRevision.current = conflict.revision;
    setValues(valuesFrom(conflict));
    setEditorKey((k) => k + 1);
    setErrors({});
    setSummary({ kind: "info", text: t("currentLoaded") });
    setConflict(null);
    dirty.current = false;
    focusNext.current = `${formId}-title`;
    router.refresh();
  };

  const keepMine = () => {
    if (!conflict) return;
    baseRevision.current = conflict.revision;
    setConflict(null);
    formRef.current?.requestSubmit();
  };

  const cancel = () => {
    if (dirty.current && !window.confirm(t("discardConfirm"))) return;
    onCancel();
  };

  const errorEntries = Object.entries(errors).sort(([a], [b]) => errorRank(a) - errorRank(b));
  const heading = initial ? t("editHeading", { title: initial.title }) : t("newHeading", { field: fieldTitle });

  return (
    <form
      ref={formRef}
      id={formId}
      className="card measure-form"
      aria-labelledby={`${formId}-heading`}
      onSubmit={submit}
      noValidate
    >
      <h5 id={`${formId}-heading`}>{heading}</h5>

      <div ref={summaryRef} tabIndex={-1} className="measure-form-summary" aria-live="polite" aria-atomic="true">
        {summary ? (
          <div className={summary.kind === "error" ? "notice notice-error" : "notice"}>
            <p>{summary.text}</p>
            {errorEntries.length ? (
              <ul>
                {errorEntries.map(([path, message]) => (
                  <li key={path}>
                    <a
                      href={`#${targetOf(path)}`}
                      onClick={(e) => {
                        e.preventDefault();
                        document.getElementById(targetOf(path))?.focus();
                      }}
                    >
                      {errorLabel(path, t)}: {message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>

      {conflict ? (
        <div className="conflict" role="alert">
          <p>{t.rich("conflict", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <div className="actions-row">
            <button type="button" className="button" onClick={loadCurrent}>
              {t("loadCurrent")}
            </button>
            <button type="button" className="button-secondary" onClick={keepMine}>
              {t("keepMine")}
            </button>
          </div>
        </div>
      ) : null}

      <TextInput id={inputId("title")} label={t("title")} required value={values.title} error={errorOf("title")} onChange={(v) => set("title", v)} />
      <TextInput
        id={inputId("code")}
        label={t("code")}
        hint={values.code.trim() ? t("codeHintSet", { number: automaticNumber }) : t("codeHint", { number: automaticNumber })}
        value={values.code}
        error={errorOf("code")}
        onChange={(v) => set("code", v)}
      />

      <div className="field">
        <span className="field-label" id={`${formId}-description-label`}>
          {t("description")}
        </span>
        <RichTextEditor
          key={editorKey}
          id={inputId("description")}
          label={values.title ? t("descriptionEditorTitled", { title: values.title }) : t("descriptionEditor")}
          content={values.description}
          onChange={(doc) => set("description", doc)}
        />
        <ErrorText id={`${inputId("description")}-error`} message={errorOf("description")} />
      </div>

      <fieldset
        className="field measure-checkboxes"
        id={inputId("subGoalIds")}
        tabIndex={-1}
        aria-describedby={errorOf("subGoalIds") ? `${inputId("subGoalIds")}-error` : undefined}
      >
        <legend>{t("subGoalsLegend")}</legend>
        {subGoals.length === 0 ? <p className="hint">{t("noSubGoals")}</p> : null}
        {subGoals.map((g, index) => {
          const id = `${formId}-sg-${g.id}`;
          return (
            <div key={g.id} className="measure-checkbox">
              <input
                type="checkbox"
                id={id}
                checked={values.subGoalIds.includes(g.id)}
                onChange={(e) =>
                  set("subGoalIds", e.target.checked ? [...values.subGoalIds, g.id] : values.subGoalIds.filter((x) => x !== g.id))
                }
              />
              <label htmlFor={id}>{t("subGoalItem", { number: index + 1, text: g.text })}</label>
            </div>
          );
        })}
        <ErrorText id={`${inputId("subGoalIds")}-error`} message={errorOf("subGoalIds")} />
      </fieldset>

      <div className="measure-form-grid">
        <SelectInput
          id={inputId("taskType")}
          label={t("taskType")}
          required
          value={values.taskType}
          error={errorOf("taskType")}
          onChange={(v) => set("taskType", v as TaskType | "")}
          options={[...(values.taskType === "" ? [{ value: "", label: t("choose") }] : []), ...TASK_TYPES.map((k) => ({ value: k, label: labels.taskTypes[k] }))]}
        />
        <SelectInput
          id={inputId("status")}
          label={t("status")}
          value={values.status}
          error={errorOf("status")}
          onChange={(v) => set("status", v as MeasureStatus)}
          options={STATUSES.map((s) => ({ value: s, label: labels.statuses[s] }))}
        />
        <SelectInput
          id={inputId("priority")}
          label={t("priority")}
          value={values.priority}
          error={errorOf("priority")}
          onChange={(v) => set("priority", v as Priority)}
          options={PRIORITIES.map((p) => ({ value: p, label: labels.priorities[p] }))}
        />
        <TextInput
          id={inputId("leadOffice")}
          label={t("leadOffice")}
          hint={t("leadOfficeHint")}
          value={values.leadOffice}
          error={errorOf("leadOffice")}
          onChange={(v) => set("leadOffice", v)}
        />
        <TextInput id={inputId("startDate")} type="date" label={t("start")} value={values.startDate} error={errorOf("startDate")} onChange={(v) => set("startDate", v)} />
        <TextInput id={inputId("endDate")} type="date" label={t("end")} value={values.endDate} error={errorOf("endDate")} onChange={(v) => set("endDate", v)} />
        <TextInput
          id={inputId("staffFte")}
          label={t("staff")}
          hint={t("staffHint")}
          inputMode="decimal"
          value={values.staffFte}
          error={errorOf("staffFte")}
          onChange={(v) => set("staffFte", v)}
        />
        <TextInput
          id={inputId("staffCostPerFteCents")}
          label={t("staffCostRate")}
          hint={t("staffCostRateHint")}
          inputMode="decimal"
          value={values.staffCost}
          error={errorOf("staffCostPerFteCents")}
          onChange={(v) => set("staffCost", v)}
        />
        <TextInput
          id={inputId("materialCostCents")}
          label={t("materialCostEur")}
          hint={t("materialCostHint")}
          inputMode="decimal"
          value={values.materialCost}
          error={errorOf("materialCostCents")}
          onChange={(v) => set("materialCost", v)}
        />
      </div>

      <div className="measure-form-grid">
        <TextArea
          id={inputId("targetGroups")}
          label={t("targetGroups")}
          hint={t("targetGroupsHint")}
          value={values.targetGroups}
          error={errorOf("targetGroups")}
          onChange={(v) => set("targetGroups", v)}
        />
        <TextArea
          id={inputId("partners")}
          label={t("partners")}
          hint={t("partnersHint")}
          value={values.partners}
          error={errorOf("partners")}
          onChange={(v) => set("partners", v)}
        />
      </div>

      <fieldset className="measure-rows" id={inputId("fundingLines")} tabIndex={-1}>
        <legend>{t("fundingLines")}</legend>
        <ErrorText id={`${inputId("fundingLines")}-error`} message={errors.fundingLines} />
        {values.fundingLines.length === 0 ? <p className="hint">{t("noFunding")}</p> : null}
        {values.fundingLines.map((f, i) => (
          <fieldset key={f.key} className="measure-row">
            <legend>{t("fundingLine", { number: i + 1 })}</legend>
            <SelectInput
              id={inputId(`fundingLines.${i}.source`)}
              label={t("source")}
              value={f.source}
              error={errorOf(`fundingLines.${i}.source`)}
              onChange={(v) => setRow("fundingLines", i, { source: v as FundingLine["source"] })}
              options={FUNDING_SOURCES.map((s) => ({ value: s, label: labels.fundingSources[s] }))}
            />
            <TextInput
              id={inputId(`fundingLines.${i}.programme`)}
              label={t("programme")}
              value={f.programme}
              error={errorOf(`fundingLines.${i}.programme`)}
              onChange={(v) => setRow("fundingLines", i, { programme: v })}
            />
            <TextInput
              id={inputId(`fundingLines.${i}.amountCents`)}
              label={t("amountEur")}
              required
              inputMode="decimal"
              value={f.amount}
              error={errorOf(`fundingLines.${i}.amountCents`)}
              onChange={(v) => setRow("fundingLines", i, { amount: v })}
            />
            <TextInput
              id={inputId(`fundingLines.${i}.until`)}
              type="date"
              label={t("until")}
              value={f.until}
              error={errorOf(`fundingLines.${i}.until`)}
              onChange={(v) => setRow("fundingLines", i, { until: v })}
            />
            <button type="button" className="button-danger measure-row-remove" onClick={() => removeRow("fundingLines", i)}>
              {t("removeFundingLine", { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id={`${formId}-fundingLines-add`}
          className="button-secondary"
          onClick={() => addRow("fundingLines")}
          disabled={values.fundingLines.length >= MAX_LIST_ITEMS}
        >
          {t("addFundingLine")}
        </button>
      </fieldset>

      <fieldset className="measure-rows" id={inputId("indicators")} tabIndex={-1}>
        <legend>{t("indicators")}</legend>
        <ErrorText id={`${inputId("indicators")}-error`} message={errors.indicators} />
        {values.indicators.length === 0 ? <p className="hint">{t("noIndicators")}</p> : null}
        {values.indicators.map((ind, i) => (
          <fieldset key={ind.key} className="measure-row">
            <legend>{t("indicatorNumber", { number: i + 1 })}</legend>
            <TextInput
              id={inputId(`indicators.${i}.name`)}
              label={t("name")}
              required
              value={ind.name}
              error={errorOf(`indicators.${i}.name`)}
              onChange={(v) => setRow("indicators", i, { name: v })}
            />
            <SelectInput
              id={inputId(`indicators.${i}.kind`)}
              label={t("kind")}
              value={ind.kind}
              error={errorOf(`indicators.${i}.kind`)}
              onChange={(v) => setRow("indicators", i, { kind: v as Indicator["kind"] })}
              options={INDICATOR_KINDS.map((k) => ({ value: k, label: labels.indicatorKinds[k] }))}
            />
            <TextInput
              id={inputId(`indicators.${i}.unit`)}
              label={t("unit")}
              value={ind.unit}
              error={errorOf(`indicators.${i}.unit`)}
              onChange={(v) => setRow("indicators", i, { unit: v })}
            />
            <TextInput
              id={inputId(`indicators.${i}.baseline`)}
              label={t("baseline")}
              value={ind.baseline}
              error={errorOf(`indicators.${i}.baseline`)}
              onChange={(v) => setRow("indicators", i, { baseline: v })}
            />
            <TextInput
              id={inputId(`indicators.${i}.target`)}
              label={t("target")}
              value={ind.target}
              error={errorOf(`indicators.${i}.target`)}
              onChange={(v) => setRow("indicators", i, { target: v })}
            />
            <TextInput
              id={inputId(`indicators.${i}.dataSource`)}
              label={t("dataSource")}
              value={ind.dataSource}
              error={errorOf(`indicators.${i}.dataSource`)}
              onChange={(v) => setRow("indicators", i, { dataSource: v })}
            />
            <TextInput
              id={inputId(`indicators.${i}.cadence`)}
              label={t("cadence")}
              hint={t("cadenceHint")}
              value={ind.cadence}
              error={errorOf(`indicators.${i}.cadence`)}
              onChange={(v) => setRow("indicators", i, { cadence: v })}
            />
            <button type="button" className="button-danger measure-row-remove" onClick={() => removeRow("indicators", i)}>
              {t("removeIndicator", { number: i + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          id={`${formId}-indicators-add`}
          className="button-secondary"
          onClick={() => addRow("indicators")}
          disabled={values.indicators.length >= MAX_LIST_ITEMS}
        >
          {t("addIndicator")}
        </button>
      </fieldset>

      <div className="actions-row">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending ? t("saving") : t("save")}
        </button>
        <button type="button" className="button-secondary" onClick={cancel}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

/* ---------- inputs ---------- */

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function ErrorText({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="error">
      {message}
    </p>
  ) : null;
}

function TextInput(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  type?: "text" | "date";
  inputMode?: "decimal";
  required?: boolean;
}) {
  const { id, label, value, error, hint, type = "text", inputMode, required } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        type={type}
        inputMode={inputMode}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

function TextArea(props: { id: string; label: string; value: string; onChange: (value: string) => void; error?: string; hint?: string }) {
  const { id, label, value, error, hint } = props;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      <textarea
        id={id}
        rows={3}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

function SelectInput(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}) {
  const { id, label, value, options, error, required } = props;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <select
        id={id}
        value={value}
        required={required}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, undefined, error)}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}
