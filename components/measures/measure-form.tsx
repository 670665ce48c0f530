import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { createMeasureAction, updateMeasureAction } from "@/app/(app)/concepts/[conceptId]/measure-actions";
import dynamic from "next/dynamic";
import type { FundingLine, Indicator, MeasureStatus, Priority, TaskType } from "@/db/schema";
import { useLabels } from "@/lib/i18n/hooks";
import { FUNDING_SOURCES, INDICATOR_KINDS, PRIORITIES, STATUSES, TASK_TYPES } from "@/lib/measures/labels";
import { MAX_LIST_ITEMS } from "@/lib/measures/numbers";
import type { MeasureView } from "@/lib/measures/view";
import { MeasureConflict } from "./measure-conflict";
import { MeasureErrorSummary } from "./measure-error-summary";
import { buildInput, emptyFunding, emptyIndicator, errorLabel, errorRank, valuesFrom, type FormValues } from "./measure-form-values";
import { ErrorText, SelectInput, TextArea, TextInput } from "./measure-inputs";
import type { SubGoalOption } from "./measure-types";

// The description's editor (Tiptap, ProseMirror) loads when a form opens, not with the page.
const RichTextEditor = dynamic(() => import("@/components/editor/rich-text-editor").then((m) => m.RichTextEditor), {
  ssr: false,
  loading: () => (
    <div className="rich-text">
      <div className="rich-static" aria-busy="true" />
    </div>
  ),
});

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

export function MeasureForm({ conceptId, fieldId, fieldTitle, subGoals, initial, automaticNumber, onCancel, onSaved }: FormProps) {
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

      <MeasureErrorSummary ref={summaryRef} summary={summary} entries={errorEntries} targetOf={targetOf} />

      {conflict ? <MeasureConflict onLoadCurrent={loadCurrent} onKeepMine={keepMine} /> : null}

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
