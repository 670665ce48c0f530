/**
 * A measure compared field by field, in the words and formats of the measure
 * form: "Status: geplant → laufend", "Sachkosten: 20.000,00 € → 35.000,00 €".
 * Free-text fields carry a word diff (`diff`), lists and indicators are compared
 * entry by entry.
 */
import { diffWordsWithSpace } from "diff";
import type { ExportedMeasure } from "@/lib/concepts/exchange";
import {
  FUNDING_SOURCE_LABELS,
  INDICATOR_KIND_LABELS,
  PRIORITY_LABELS,
  STATUS_LABELS,
  TASK_TYPE_LABELS,
  formatDate,
  formatEuro,
  formatFte,
} from "@/lib/measures/labels";
import { isolate, isolatedList } from "@/lib/format";
import { diffDocs, type DocDiff } from "./richtext";

export type WordPart = { text: string; added?: boolean; removed?: boolean };

export type FieldChange = {
  label: string;
  before: string;
  after: string;
  /** for free text: the words that changed */
  words?: WordPart[];
};

export type MeasureSide = Pick<ExportedMeasure, Exclude<keyof ExportedMeasure, "subGoalRefs">> & { subGoals: string[] };

const none = "–";
// User strings are isolated (FSI … PDI) in the comparison page and the Synopse alike.
const text = (s: string | null | undefined) => (s && s.trim() ? isolate(s) : none);
const list = (items: readonly string[]) => (items.length ? isolatedList(items, "; ") : none);
const money = (cents: number | null) => (cents === null ? none : formatEuro(cents));
const date = (d: string | null) => (d ? formatDate(d) : none);

export function wordDiff(before: string, after: string): WordPart[] {
  return diffWordsWithSpace(before, after).map((p) => ({ text: p.value, ...(p.added ? { added: true } : {}), ...(p.removed ? { removed: true } : {}) }));
}

function funding(m: MeasureSide) {
  return m.fundingLines.map(
    (f) => `${FUNDING_SOURCE_LABELS[f.source]}${f.programme ? ` (${isolate(f.programme)})` : ""}: ${formatEuro(f.amountCents)}${f.until ? ` bis ${formatDate(f.until)}` : ""}`,
  );
}

function indicator(x: MeasureSide["indicators"][number]) {
  const parts = [`${isolate(x.name)} (${INDICATOR_KIND_LABELS[x.kind]})`];
  if (x.baseline || x.target) parts.push(`${text(x.baseline)} → ${text(x.target)}${x.unit ? ` ${isolate(x.unit)}` : ""}`);
  if (x.dataSource) parts.push(`Quelle: ${isolate(x.dataSource)}`);
  if (x.cadence) parts.push(`Erhebung: ${isolate(x.cadence)}`);
  return parts.join(", ");
}

/** The compared fields of a measure, in the order of the measure form. */
function fieldsOf(m: MeasureSide): { label: string; value: string; free?: boolean }[] {
  return [
    { label: "Titel", value: isolate(m.title), free: true },
    { label: "Kürzel", value: text(m.code) },
    { label: "Status", value: STATUS_LABELS[m.status] },
    { label: "Federführung", value: text(m.leadOffice), free: true },
    { label: "Partner", value: list(m.partners), free: true },
    { label: "Zielgruppen", value: list(m.targetGroups), free: true },
    { label: "Teilziele", value: list(m.subGoals), free: true },
    { label: "Aufgabenart", value: TASK_TYPE_LABELS[m.taskType] },
    { label: "Priorität", value: PRIORITY_LABELS[m.priority] },
    { label: "Beginn", value: date(m.startDate) },
    { label: "Ende", value: date(m.endDate) },
    { label: "Personal (Stellen)", value: m.staffFte === null ? none : formatFte(m.staffFte) },
    { label: "Personalkosten je VZÄ", value: money(m.staffCostPerFteCents) },
    { label: "Sachkosten", value: money(m.materialCostCents) },
  ];
}

export type MeasureDiff = { fields: FieldChange[]; description: DocDiff | null };

export function diffMeasure(before: MeasureSide, after: MeasureSide): MeasureDiff {
  const a = fieldsOf(before);
  const b = fieldsOf(after);
  const fields: FieldChange[] = [];
  a.forEach((f, i) => {
    const g = b[i]!;
    if (f.value !== g.value) fields.push({ label: f.label, before: f.value, after: g.value, ...(f.free ? { words: wordDiff(f.value, g.value) } : {}) });
  });

  const fa = funding(before);
  const fb = funding(after);
  if (fa.join("\n") !== fb.join("\n")) fields.push({ label: "Finanzierung", before: list(fa), after: list(fb) });

  // Indicators by name: a changed target shows as that indicator's change.
  const byName = (xs: MeasureSide["indicators"]) => new Map(xs.map((x) => [x.name, x]));
  const ia = byName(before.indicators);
  const ib = byName(after.indicators);
  for (const [name, x] of ia) {
    const y = ib.get(name);
    if (!y) fields.push({ label: `Indikator „${name}“`, before: indicator(x), after: "entfernt" });
    else if (indicator(x) !== indicator(y)) fields.push({ label: `Indikator „${name}“`, before: indicator(x), after: indicator(y), words: wordDiff(indicator(x), indicator(y)) });
  }
  for (const [name, y] of ib) if (!ia.has(name)) fields.push({ label: `Indikator „${name}“`, before: "neu", after: indicator(y) });

  const description = diffDocs(before.description, after.description);
  return { fields, description: description.changed ? description : null };
}

/** One line per field of a measure that was added or removed (for the lists of the comparison and the Synopse). */
export function measureSummary(m: MeasureSide): { label: string; value: string }[] {
  const rows = fieldsOf(m)
    .filter((f) => f.label !== "Titel" && f.value !== none)
    .map(({ label, value }) => ({ label, value }));
  const f = funding(m);
  if (f.length) rows.push({ label: "Finanzierung", value: list(f) });
  for (const x of m.indicators) rows.push({ label: "Indikator", value: indicator(x) });
  return rows;
}
