/**
 * A measure written as a sheet ("Maßnahmensteckbrief"): a heading with the
 * measure's title, its description, a two-column table of facts (Federführung,
 * Zeitraum, Sachkosten …), and optionally a table of funding lines and one of
 * indicators. This is how the DOCX/ODT export (lib/export) writes a measure,
 * and how many concepts lay one out. Pure.
 *
 * A value is read into the measure's field only when it parses; otherwise the
 * row stays in the description as "Angabe: Wert", so no text is lost.
 */
import type { JSONContent } from "@tiptap/core";
import { plainText } from "@/lib/editor/document";
import { FUNDING_SOURCE_LABELS, INDICATOR_KIND_LABELS, TASK_TYPE_LABELS } from "@/lib/measures/labels";
import { MAX_LIST_ITEMS, parseDecimalDe } from "@/lib/measures/numbers";
import { measureCodeProblem } from "@/lib/measures/label";
import { MAX_RATE_CENTS, MAX_SHORT_TEXT } from "@/lib/measures/schema";
import { parseDate, parseMoney, parsePeriod, parsePriority, parseStatus } from "./measure-values";

type Fact = "lead" | "partners" | "targetGroups" | "status" | "period" | "priority" | "taskType" | "staff" | "cost" | "subGoals" | "code" | "rate";

/** A label of the facts table → the field it fills (the export's labels, lib/pdf/model.ts, and common variants). */
export function factKind(label: string): Fact | null {
  const l = label.toLowerCase().replace(/\s+/g, " ").trim();
  if (/^k(ü|ue)rzel$/.test(l)) return "code";
  if (/^personalkosten je vz(ä|ae)(\s|$)/.test(l)) return "rate";
  if (/^(federf(ü|ue)hrung|federf(ü|ue)hrende stelle|zust(ä|ae)ndig(keit)?|verantwortlich)$/.test(l)) return "lead";
  if (/^(kooperations)?partner(innen)?$/.test(l)) return "partners";
  if (/^zielgruppen?$/.test(l)) return "targetGroups";
  if (/^status$/.test(l)) return "status";
  if (/^(zeitraum|laufzeit|umsetzungszeitraum)$/.test(l)) return "period";
  if (/^priorit(ä|ae)t$/.test(l)) return "priority";
  if (/^aufgabenart$/.test(l)) return "taskType";
  if (/^personal\b/.test(l)) return "staff";
  if (/^sachkosten\b/.test(l)) return "cost";
  if (/^teilziele?$/.test(l)) return "subGoals";
  return null;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();
const rowsOf = (table: JSONContent) => (table.content ?? []).map((r) => r.content ?? []);
const cellText = (cell: JSONContent) => squash(plainText(cell));
/** The lines of a cell: one entry per paragraph (the export writes a list one item a line). */
const cellLines = (cell: JSONContent) => (cell.content ?? []).map((p) => squash(plainText(p))).filter(Boolean);
const invert = <K extends string>(labels: Record<K, string>) => (text: string) =>
  (Object.keys(labels) as K[]).find((k) => labels[k].toLowerCase() === text.toLowerCase().trim()) ?? null;

/** A cadence standing alone in "Datenquelle, Turnus" (the export leaves out an empty data source). */
const CADENCE = /^(?:(?:halb|viertel|zwei|drei)?jährlich|monatlich|wöchentlich|quartalsweise|einmalig|laufend|fortlaufend|(?:alle|jedes|jeden) .*(?:jahre?|monate?|quartal|halbjahr|schuljahr))$/i;

const fundingSource = invert(FUNDING_SOURCE_LABELS);
const indicatorKind = invert(INDICATOR_KIND_LABELS);
const taskType = invert(TASK_TYPE_LABELS);

/** A two-column table whose first column names at least two facts of a measure. */
function isFactsTable(table: JSONContent): boolean {
  const rows = rowsOf(table);
  if (!rows.length || rows.some((r) => r.length !== 2)) return false;
  return rows.filter((r) => factKind(cellText(r[0]!)) !== null).length >= 2;
}

const headerOf = (table: JSONContent) => (rowsOf(table)[0] ?? []).map(cellText);
const isFundingTable = (table: JSONContent) => {
  const h = headerOf(table).map((c) => c.toLowerCase());
  return /quelle/.test(h[0] ?? "") && h.some((c) => /betrag/.test(c));
};
const isIndicatorTable = (table: JSONContent) => /^indikator/i.test(headerOf(table)[0] ?? "");

export type SheetValues = {
  leadOffice?: string;
  partners?: string[];
  targetGroups?: string[];
  status?: "planned" | "running" | "completed" | "established";
  startDate?: string | null;
  endDate?: string | null;
  priority?: "high" | "medium" | "low";
  taskType?: "mandatory" | "voluntary";
  code?: string;
  staffCostPerFteCents?: number;
  staffFte?: number;
  materialCostCents?: number;
  fundingLines?: { source: string; programme: string; amountCents: number; until: string | null }[];
  indicators?: { name: string; kind: string; unit: string; baseline: string; target: string; dataSource: string; cadence: string }[];
};

export type MeasureSheet = {
  values: SheetValues;
  /** texts of the sub-goals the sheet names (to be linked within the field) */
  subGoals: string[];
  /** the description: the sheet's text, and every row that did not parse as "Angabe: Wert" */
  description: JSONContent[];
  /** the text read into fields (labels, headers, values): placed, for the word count */
  read: string[];
};

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

/**
 * The entries of a list cell: one a line, as the export writes them; a single
 * line is split at commas and semicolons only ("Haus- und Grundbesitzerverein"
 * is one entry), so a single entry with a comma comes back as several.
 */
function list(lines: string[]): string[] | null {
  const items = lines.length === 1 ? lines[0]!.split(/\s*[,;]\s*/).filter(Boolean) : lines;
  return items && items.length <= MAX_LIST_ITEMS && items.every((s) => s.length <= MAX_SHORT_TEXT) ? items : null;
}

function staff(text: string): number | null {
  try {
    const n = parseDecimalDe(text.replace(/\s*VZÄ$/i, ""));
    return n !== null && n >= 0 && n <= 1000 ? n : null;
  } catch {
    return null;
  }
}

/**
 * Reads a measure sheet out of `nodes` (the text under the measure's heading,
 * sub-headings included). Null when there is no facts table: then the nodes
 * are no measure sheet.
 */
export function readMeasureSheet(nodes: JSONContent[]): MeasureSheet | null {
  if (!nodes.some((n) => n.type === "table" && isFactsTable(n))) return null;
  const values: SheetValues = {};
  const subGoals: string[] = [];
  const description: JSONContent[] = [];
  const leftover: JSONContent[] = [];
  const read: string[] = [];
  const keep = (label: string, value: string) => leftover.push(paragraph(`${label}: ${value}`));

  for (const node of nodes) {
    if (node.type !== "table") {
      description.push(node);
      continue;
    }
    const rows = rowsOf(node);
    if (isFactsTable(node)) {
      for (const [i, [labelCell, valueCell]] of (rows as [JSONContent, JSONContent][]).entries()) {
        const label = cellText(labelCell);
        // The header row of the export ("Angabe | Inhalt") is no fact.
        if (i === 0 && labelCell.type === "tableHeader") {
          read.push(label, cellText(valueCell));
          continue;
        }
        const lines = cellLines(valueCell);
        const value = lines.join(" ");
        const kind = factKind(label);
        if (!value) continue;
        let ok = true;
        if (kind === "lead" && value.length <= MAX_SHORT_TEXT && values.leadOffice === undefined) values.leadOffice = value;
        else if ((kind === "partners" || kind === "targetGroups") && values[kind] === undefined && list(lines)) values[kind] = list(lines)!;
        else if (kind === "status" && values.status === undefined && parseStatus(value)) values.status = parseStatus(value)!;
        else if (kind === "period" && values.startDate === undefined && parsePeriod(value)) Object.assign(values, parsePeriod(value));
        else if (kind === "priority" && values.priority === undefined && parsePriority(value)) values.priority = parsePriority(value)!;
        else if (kind === "taskType" && values.taskType === undefined && taskType(value)) values.taskType = taskType(value)!;
        else if (kind === "staff" && values.staffFte === undefined && staff(value) !== null) values.staffFte = staff(value)!;
        else if (kind === "cost" && values.materialCostCents === undefined && parseMoney(value) !== null) values.materialCostCents = parseMoney(value)!;
        else if (kind === "code" && values.code === undefined && measureCodeProblem(value) === null) values.code = value.trim();
        else if (kind === "rate" && values.staffCostPerFteCents === undefined && (parseMoney(value) ?? 0) > 0 && parseMoney(value)! <= MAX_RATE_CENTS) values.staffCostPerFteCents = parseMoney(value)!;
        else if (kind === "subGoals") subGoals.push(...lines);
        else ok = false;
        if (ok) read.push(label, ...lines);
        else keep(label, value);
      }
      continue;
    }
    if (isFundingTable(node) && values.fundingLines === undefined) {
      const header = rows[0]!.map(cellText);
      read.push(...header);
      const col = (re: RegExp) => header.findIndex((h) => re.test(h.toLowerCase()));
      const [src, prog, amount, until] = [0, col(/programm/), col(/betrag/), col(/^bis|befristet|laufzeit/)];
      values.fundingLines = [];
      for (const row of rows.slice(1)) {
        const cells = row.map(cellText);
        const at = (i: number) => (i >= 0 ? (cells[i] ?? "") : "");
        // The sum row is computed from the lines, not a line of its own.
        if (/^summe$/i.test(at(src)) && !at(prog)) {
          read.push(...cells);
          continue;
        }
        const source = fundingSource(at(src));
        const cents = parseMoney(at(amount));
        const date = at(until) ? parseDate(at(until)) : null;
        if (source && cents !== null && (date !== null || !at(until)) && at(prog).length <= MAX_SHORT_TEXT && values.fundingLines.length < MAX_LIST_ITEMS) {
          values.fundingLines.push({ source, programme: at(prog), amountCents: cents, until: date });
          read.push(...cells);
        } else keep("Förderung", cells.filter(Boolean).join(" · "));
      }
      continue;
    }
    if (isIndicatorTable(node) && values.indicators === undefined) {
      const header = rows[0]!.map(cellText);
      read.push(...header);
      const col = (re: RegExp) => header.findIndex((h) => re.test(h.toLowerCase()));
      const [kindCol, valuesCol, unitCol, sourceCol] = [col(/^art$/), col(/basiswert/), col(/einheit/), col(/datenquelle/)];
      values.indicators = [];
      for (const row of rows.slice(1)) {
        const cells = row.map(cellText);
        const at = (i: number) => (i >= 0 ? (cells[i] ?? "") : "");
        const kind = indicatorKind(at(kindCol));
        // "Basiswert → Zielwert" and "Datenquelle, Turnus" are one column each in the export.
        const [baseline = "", target = ""] = at(valuesCol).split(/\s*→\s*/);
        const origin = at(sourceCol);
        const comma = origin.lastIndexOf(", ");
        const [dataSource, cadence] = comma >= 0 ? [origin.slice(0, comma), origin.slice(comma + 2)] : CADENCE.test(origin) ? ["", origin] : [origin, ""];
        const indicator = { name: at(0), kind: kind ?? "", unit: at(unitCol), baseline, target, dataSource, cadence };
        const fits = Object.values(indicator).every((v) => v.length <= MAX_SHORT_TEXT);
        if (kind && indicator.name && fits && values.indicators.length < MAX_LIST_ITEMS) {
          values.indicators.push(indicator);
          read.push(...cells);
        } else keep("Indikator", cells.filter(Boolean).join(" · "));
      }
      continue;
    }
    description.push(node);
  }
  return { values, subGoals, description: [...description, ...leftover], read };
}

/**
 * The measure's number or code the export puts before its title ("M 5.1.2 Sprachcafés" →
 * "Sprachcafés"; with the sheet's code "SP-01", "SP-01 Sprachcafés" → "Sprachcafés").
 */
export function stripMeasureNumber(title: string, code?: string): string {
  const own = code?.trim();
  if (own && title.trim().toLowerCase().startsWith(`${own.toLowerCase()} `)) return title.trim().slice(own.length).trim();
  return title.replace(/^\s*M\s*\d+(?:\.\d+)*\.?\s+/, "").trim();
}
