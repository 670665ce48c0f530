/**
 * The measure form's values: from a stored measure, to the schema's input (German
 * numbers read here), and the error paths' order and labels for the summary.
 */
import type { JSONContent } from "@tiptap/core";
import type { FundingLine, MeasureStatus, Priority, TaskType } from "@/db/schema";
import type { IndicatorDraft } from "@/lib/measures/indicator-ids";
import { EMPTY_DOC } from "@/lib/editor/document";
import { formatEuroInput } from "@/lib/measures/labels";
import { NumberFormatError, formatDecimalInput, parseDecimalDe, parseEuroToCents } from "@/lib/measures/numbers";
import type { MeasureInputDraft } from "@/lib/measures/schema";
import type { MeasureView } from "@/lib/measures/view";
import type { MeasuresT } from "./measure-types";

export type FundingRow = { key: number; source: FundingLine["source"]; programme: string; amount: string; until: string };
export type IndicatorRow = { key: number } & IndicatorDraft;

export type FormValues = {
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

export function valuesFrom(m: MeasureView | null): FormValues {
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

export const emptyFunding = (): FundingRow => ({ key: nextKey(), source: "municipal", programme: "", amount: "", until: "" });
export const emptyIndicator = (): IndicatorRow => ({
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
export function buildInput(v: FormValues, t: MeasuresT): { input: MeasureInputDraft; errors: Record<string, string> } {
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

export function errorRank(path: string) {
  const [head, index] = path.split(".");
  const rank = FORM_ORDER.indexOf(head ?? "");
  return (rank < 0 ? FORM_ORDER.length : rank) * 1000 + (index ? Number(index) + 1 || 0 : 0);
}

/** Labels of error paths, for the summary. */
export function errorLabel(path: string, t: MeasuresT): string {
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
