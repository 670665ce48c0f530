import type { FundingLine, Indicator, MeasureStatus, Priority, TaskType } from "@/db/schema";

/** German labels of a measure's enumerations (DESIGN.md "Words"). */
export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  mandatory: "Pflichtaufgabe",
  voluntary: "Freiwillige Aufgabe",
};

export const STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: "geplant",
  running: "laufend",
  completed: "abgeschlossen",
  established: "verstetigt",
};

export const PRIORITY_LABELS: Record<Priority, string> = {
  high: "hoch",
  medium: "mittel",
  low: "niedrig",
};

export const FUNDING_SOURCE_LABELS: Record<FundingLine["source"], string> = {
  municipal: "Kommune",
  state: "Land",
  federal: "Bund",
  eu: "EU",
  thirdParty: "Dritte",
};

export const INDICATOR_KIND_LABELS: Record<Indicator["kind"], string> = {
  output: "Output",
  outcome: "Outcome",
};

/** Keys in display order, for selects, tables and zod enums. */
export const TASK_TYPES = ["mandatory", "voluntary"] as const satisfies readonly TaskType[];
export const STATUSES = ["planned", "running", "completed", "established"] as const satisfies readonly MeasureStatus[];
export const PRIORITIES = ["high", "medium", "low"] as const satisfies readonly Priority[];
export const FUNDING_SOURCES = ["municipal", "state", "federal", "eu", "thirdParty"] as const satisfies readonly FundingLine["source"][];
export const INDICATOR_KINDS = ["output", "outcome"] as const satisfies readonly Indicator["kind"][];

const euro = new Intl.NumberFormat("de-DE", { style: "currency", currency: "EUR" });
const euroPlain = new Intl.NumberFormat("de-DE", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const decimal = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 });

/** Euro cents as German currency text: 3500000 → "35.000,00 €" (with a non-breaking space). */
export function formatEuro(cents: number): string {
  return euro.format(cents / 100);
}

/** Euro cents as the text of a money input, without the currency sign: 3500050 → "35.000,50". */
export function formatEuroInput(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : euroPlain.format(cents / 100);
}

/**
 * A date as German text: "2026-03-01" → "01.03.2026". Plain dates are reformatted
 * without a time zone (no shift by a day); full timestamps are shown in Berlin time.
 */
export function formatDate(iso: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) return `${plain[3]}.${plain[2]}.${plain[1]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(date);
}

/** Start and end of a measure as one German phrase: "01.03.2026 – 31.12.2027", "ab …", "bis …", "". */
export function formatPeriod(startDate: string | null, endDate: string | null): string {
  if (startDate && endDate) return `${formatDate(startDate)} – ${formatDate(endDate)}`;
  if (startDate) return `ab ${formatDate(startDate)}`;
  if (endDate) return `bis ${formatDate(endDate)}`;
  return "";
}

/** Full-time equivalents in German notation with up to two decimals: "1.50" → "1,5"; "" for none. */
export function formatFte(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? decimal.format(n) : "";
}

/** German names of a measure's inputs, as the form labels them (for messages that must name the field). */
export const MEASURE_FIELD_LABELS: Record<string, string> = {
  title: "Titel",
  code: "Kürzel",
  description: "Beschreibung",
  subGoalIds: "Teilziele",
  subGoalRefs: "Teilziele",
  targetGroups: "Zielgruppen",
  taskType: "Aufgabenart",
  leadOffice: "Federführung",
  partners: "Kooperationspartner",
  status: "Status",
  startDate: "Beginn",
  endDate: "Ende",
  priority: "Priorität",
  staffFte: "Personal (VZÄ)",
  materialCostCents: "Sachkosten pro Jahr",
  staffCostPerFteCents: "Personalkosten je VZÄ",
  fundingLines: "Förderungen",
  indicators: "Indikatoren",
  origin: "Herkunft (Maßnahmenbibliothek)",
};

export const FUNDING_LINE_FIELD_LABELS: Record<string, string> = {
  source: "Quelle",
  programme: "Programm",
  amountCents: "Betrag",
  until: "bis",
};

export const INDICATOR_FIELD_LABELS: Record<string, string> = {
  name: "Name des Indikators",
  kind: "Art",
  unit: "Einheit",
  baseline: "Basiswert",
  target: "Zielwert",
  dataSource: "Datenquelle",
  cadence: "Erhebungsturnus",
};
