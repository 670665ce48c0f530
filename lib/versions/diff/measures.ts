/**
 * A measure compared field by field, in the words and formats of the measure
 * form: "Status: geplant → laufend", "Sachkosten: 20.000,00 € → 35.000,00 €".
 * Free-text fields carry a word diff (`diff`); lists (partners, target groups,
 * sub-goals, funding) are compared entry by entry and shown one entry per
 * line, never as one comma string; indicators by their id (by name without one).
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

/** One entry of a list field in a comparison: removed on the old side, added on the new one, or kept. */
export type ListEntry = { text: string; added?: boolean; removed?: boolean };

export type FieldChange = {
  label: string;
  /** one line; for a list its entries joined by "; " (for readers of the JSON that want one string) */
  before: string;
  after: string;
  /** for free text: the words that changed */
  words?: WordPart[];
  /** for a list: each side's entries, the changed ones marked; renderers show one entry per line */
  entries?: { before: ListEntry[]; after: ListEntry[] };
};

/** A line of an added or removed measure; `items` for a list (one entry per line). */
export type SummaryRow = { label: string; value: string; items?: string[] };

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
  else if (x.unit) parts.push(`Einheit: ${isolate(x.unit)}`);
  if (x.dataSource) parts.push(`Quelle: ${isolate(x.dataSource)}`);
  if (x.cadence) parts.push(`Erhebung: ${isolate(x.cadence)}`);
  return parts.join(", ");
}

/** Each side's entries, an entry marked when the other side does not have it (as often: a repeated entry counts twice). */
export function listEntries(before: readonly string[], after: readonly string[]): { before: ListEntry[]; after: ListEntry[] } {
  const mark = (side: readonly string[], other: readonly string[], flag: "added" | "removed") => {
    const left = new Map<string, number>();
    for (const x of other) left.set(x, (left.get(x) ?? 0) + 1);
    return side.map((x): ListEntry => {
      const n = left.get(x) ?? 0;
      if (n > 0) {
        left.set(x, n - 1);
        return { text: isolate(x) };
      }
      return { text: isolate(x), [flag]: true };
    });
  };
  return { before: mark(before, after, "removed"), after: mark(after, before, "added") };
}

type Compared = { label: string; value: string; free?: boolean; items?: readonly string[] };

const listField = (label: string, items: readonly string[]): Compared => ({ label, value: list(items), items });

/** The compared fields of a measure, in the order of the measure form. */
function fieldsOf(m: MeasureSide): Compared[] {
  return [
    { label: "Titel", value: isolate(m.title), free: true },
    { label: "Kürzel", value: text(m.code) },
    { label: "Status", value: STATUS_LABELS[m.status] },
    { label: "Federführung", value: text(m.leadOffice), free: true },
    listField("Partner", m.partners),
    listField("Zielgruppen", m.targetGroups),
    listField("Teilziele", m.subGoals),
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
    if (f.value === g.value) return;
    if (f.items && g.items) fields.push({ label: f.label, before: f.value, after: g.value, entries: listEntries(f.items, g.items) });
    else fields.push({ label: f.label, before: f.value, after: g.value, ...(f.free ? { words: wordDiff(f.value, g.value) } : {}) });
  });

  const fa = funding(before);
  const fb = funding(after);
  if (fa.join("\n") !== fb.join("\n")) fields.push({ label: "Finanzierung", before: list(fa), after: list(fb), entries: listEntries(fa, fb) });

  // Indicators by their stable id (two may share a name; one may be renamed), by name where a side has no id
  // (stored before ids existed): a changed target shows as that indicator's change.
  for (const [x, y] of pairIndicators(before.indicators, after.indicators)) {
    const label = `Indikator „${(y ?? x)!.name}“`;
    if (!y) fields.push({ label, before: indicator(x!), after: "entfernt" });
    else if (!x) fields.push({ label, before: "neu", after: indicator(y) });
    else if (indicator(x) !== indicator(y)) fields.push({ label, before: indicator(x), after: indicator(y), words: wordDiff(indicator(x), indicator(y)) });
  }

  const description = diffDocs(before.description, after.description);
  return { fields, description: description.changed ? description : null };
}

type IndicatorSide = MeasureSide["indicators"][number];

/** Each indicator of either side with its counterpart (null: only on that side), in the order of the old side, then new ones. */
function pairIndicators(before: readonly IndicatorSide[], after: readonly IndicatorSide[]): [IndicatorSide | null, IndicatorSide | null][] {
  const left = [...after];
  const take = (match: (y: IndicatorSide) => boolean) => {
    const i = left.findIndex(match);
    return i < 0 ? null : left.splice(i, 1)[0]!;
  };
  const pairs: [IndicatorSide | null, IndicatorSide | null][] = before.map((x) => [x, x.id ? take((y) => y.id === x.id) : null]);
  for (const pair of pairs) {
    const x = pair[0]!;
    if (!pair[1]) pair[1] = take((y) => y.name === x.name && !(x.id && y.id));
  }
  return [...pairs, ...left.map((y): [null, IndicatorSide] => [null, y])];
}

/** One line per field of a measure that was added or removed (for the lists of the comparison and the Synopse); lists with their entries. */
export function measureSummary(m: MeasureSide): SummaryRow[] {
  const rows = fieldsOf(m)
    .filter((f) => f.label !== "Titel" && f.value !== none)
    .map(({ label, value, items }): SummaryRow => (items ? { label, value, items: items.map(isolate) } : { label, value }));
  const f = funding(m);
  if (f.length) rows.push({ label: "Finanzierung", value: list(f), items: f.map(isolate) });
  for (const x of m.indicators) rows.push({ label: "Indikator", value: indicator(x) });
  return rows;
}
