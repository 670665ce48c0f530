/*
 * The key figures as a table: one line per figure with its two latest years
 * and the change between them ("2024: 1.250 → 2026: 1.410, +12,8 %"). Pure:
 * the monitoring page, the PDF and the DOCX/ODT export read the same lines.
 */
import type { ViewTable } from "@/lib/funding/view";

export type KeyFigureValue = { id: string; name: string; unit: string; year: number; referenceDate: string | null; value: number; source: string };

export type KeyFigureLine = {
  name: string;
  unit: string;
  latest: KeyFigureValue;
  /** the year before the latest one that has a value, if any */
  previous: KeyFigureValue | null;
  /** latest − previous, null without a previous value */
  difference: number | null;
  /** relative change in percent, null without a previous value or when it was 0 */
  percent: number | null;
  /** every value of the figure, oldest first */
  history: KeyFigureValue[];
};

/** Lines by figure, in the order the figures were first named (by name when tied). */
export function keyFigureLines(values: readonly KeyFigureValue[]): KeyFigureLine[] {
  const byName = new Map<string, KeyFigureValue[]>();
  for (const v of values) {
    const list = byName.get(v.name) ?? [];
    list.push(v);
    byName.set(v.name, list);
  }
  const lines: KeyFigureLine[] = [];
  for (const [name, list] of byName) {
    const history = [...list].sort((a, b) => a.year - b.year);
    const latest = history[history.length - 1]!;
    const previous = history.length > 1 ? history[history.length - 2]! : null;
    const difference = previous ? latest.value - previous.value : null;
    const percent = previous && previous.value !== 0 ? ((latest.value - previous.value) / Math.abs(previous.value)) * 100 : null;
    lines.push({ name, unit: latest.unit, latest, previous, difference, percent, history });
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name, "de"));
}

const number = (n: number, locale: string) => n.toLocaleString(locale, { maximumFractionDigits: 2 });

/** The value with its unit: "1.410", "12,5 %", "3.200 Personen". */
export function formatKeyFigureValue(value: number, unit: string, locale = "de-DE"): string {
  if (!unit) return number(value, locale);
  return `${number(value, locale)} ${unit}`;
}

/** A figure that is itself a share ("%"): its change is told in percentage points, not as a percent of a percent. */
const isShare = (unit: string) => /^(%|prozent)$/i.test(unit.trim());

/**
 * "2024: 1.250 → 2026: 1.410, +12,8 %" (or "+160" when the previous value was 0; "−1,5 Prozentpunkte" for a
 * figure in %); "" without a previous value.
 */
export function formatKeyFigureChange(line: KeyFigureLine, locale = "de-DE"): string {
  if (!line.previous || line.difference === null) return "";
  const sign = (n: number) => (n > 0 ? "+" : n < 0 ? "−" : "±");
  const one = Math.round(Math.abs(line.difference) * 100) === 100;
  const points = locale.startsWith("de") ? (one ? "Prozentpunkt" : "Prozentpunkte") : one ? "percentage point" : "percentage points";
  const delta = isShare(line.unit)
    ? `${sign(line.difference)}${Math.abs(line.difference).toLocaleString(locale, { maximumFractionDigits: 2 })} ${points}`
    : line.percent === null
      ? `${sign(line.difference)}${number(Math.abs(line.difference), locale)}`
      : `${sign(line.percent)}${Math.abs(line.percent).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  return `${line.previous.year}: ${number(line.previous.value, locale)} → ${line.latest.year}: ${number(line.latest.value, locale)}, ${delta}`;
}

export const KEY_FIGURE_TABLE_TITLE = "Kennzahlen";

/**
 * The key figures as a printable table (German, the concept's language): the
 * PDF, the print preview and the DOCX/ODT export render these strings.
 */
export function keyFigureTable(lines: readonly KeyFigureLine[]): ViewTable {
  const when = (v: KeyFigureValue) => (v.referenceDate ? `${v.year} (Stichtag ${v.referenceDate.split("-").reverse().join(".")})` : String(v.year));
  return {
    id: "key-figures",
    caption: "Kennzahlen der Ausgangslage (Veränderung gegenüber dem vorigen erfassten Jahr)",
    columns: [
      { label: "Kennzahl", numeric: false },
      { label: "Wert", numeric: true },
      { label: "Einheit", numeric: false },
      { label: "Jahr/Stichtag", numeric: false },
      { label: "Quelle", numeric: false },
      { label: "Veränderung", numeric: false },
    ],
    rows: lines.map((l) => ({ cells: [l.name, formatKeyFigureValue(l.latest.value, ""), l.unit, when(l.latest), l.latest.source, formatKeyFigureChange(l) || "–"] })),
  };
}

/** The values a document of `year` shows: a version prints what was known in its year, not figures entered later. */
export function keyFigureLinesUntil(lines: readonly KeyFigureLine[], year: number): KeyFigureLine[] {
  return keyFigureLines(lines.flatMap((l) => l.history).filter((v) => v.year <= year));
}
