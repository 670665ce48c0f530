/**
 * A measure list kept in Excel (.xlsx) or as CSV, read into the HTML the
 * mapping step reads from documents: per field of action a heading, under it
 * "Maßnahmen" and the sheet as a table, so that the measure table's columns
 * (Maßnahme, Federführung, Zeitraum, Kosten …) become measures exactly as a
 * table in a Word file does. A column "Handlungsfeld" splits the rows by field;
 * without it each sheet is one block named after the sheet, placed in the
 * mapping step. Before the library sees an .xlsx: the zip limits, no macros,
 * no external links, no DOCTYPE in any XML part.
 */
import "server-only";
import { parse } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import { refuse } from "./refuse";
import { assertNoDoctype, attrsOf, findAll, parseXml, unescapeXml } from "./xml";
import { readZip, utf8 } from "./zip";

export type SheetRows = { name: string; rows: string[][] };

/** Most rows read from one file: far more than any measure list (a concept holds at most 2,000 measures). */
export const MAX_SHEET_ROWS = 5000;
const MAX_COLUMNS = 60;

const pad = (n: number) => String(n).padStart(2, "0");

/** A cell as the measure columns read it: dates as 01.03.2026, numbers German without grouping (12500, 1,5). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  if (typeof value === "number") return Number.isFinite(value) ? value.toLocaleString("de-DE", { useGrouping: false, maximumFractionDigits: 2 }) : "";
  if (typeof value === "boolean") return value ? "ja" : "nein";
  return String(value).replace(/\s+/g, " ").trim();
}

function trimmed(rows: unknown[][]): string[][] {
  const out = rows.slice(0, MAX_SHEET_ROWS + 1).map((r) => r.slice(0, MAX_COLUMNS).map(cellText));
  if (rows.length > MAX_SHEET_ROWS + 1) throw refuse(`Die Tabelle hat mehr als ${MAX_SHEET_ROWS} Zeilen. Bitte nur die Maßnahmenliste hochladen.`);
  return out.filter((r) => r.some((c) => c !== ""));
}

/** The sheets of an .xlsx, each as rows of text. */
export async function readXlsxSheets(bytes: Uint8Array, fileName: string): Promise<SheetRows[]> {
  if (/\.xlsm$/i.test(fileName)) throw refuse("Arbeitsmappen mit Makros (.xlsm) werden nicht importiert. Bitte als .xlsx ohne Makros speichern.");
  const parts = readZip(bytes, (name) => /\.(xml|rels)$/i.test(name) || /vbaProject\.bin$/i.test(name));
  const contentTypes = utf8(parts.get("[Content_Types].xml"));
  if (!contentTypes || !parts.has("xl/workbook.xml")) throw refuse("Die Datei ist keine Excel-Arbeitsmappe (.xlsx): der Teil xl/workbook.xml fehlt.");
  if (/macroEnabled/i.test(contentTypes) || [...parts.keys()].some((n) => /vbaProject\.bin$/i.test(n))) {
    throw refuse("Die Arbeitsmappe enthält Makros. Sie wird nicht importiert; bitte als .xlsx ohne Makros speichern.");
  }
  for (const [name, data] of parts) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const xml = utf8(data);
    assertNoDoctype(xml);
    if (/^xl\/externalLinks\//.test(name)) throw refuse("Die Arbeitsmappe verweist auf andere Dateien (externe Bezüge). Bitte die Werte einfügen statt der Bezüge und erneut speichern.");
    if (name.endsWith(".rels")) {
      for (const rel of findAll(parseXml(xml), "Relationship")) {
        const a = attrsOf(rel);
        if (a.TargetMode === "External" && !/\/hyperlink$/.test(a.Type ?? "")) {
          throw refuse(`Die Arbeitsmappe verweist auf externe Inhalte (${unescapeXml(a.Target ?? "").slice(0, 80)}). Solche Verweise werden aus Sicherheitsgründen nicht geöffnet.`);
        }
      }
    }
  }
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = await readXlsxFile(Buffer.from(bytes));
  } catch {
    throw refuse("Die Excel-Arbeitsmappe lässt sich nicht lesen (beschädigt oder kein .xlsx).");
  }
  return sheets.map((s) => ({ name: cellText(s.sheet), rows: trimmed(s.data) })).filter((s) => s.rows.length > 0);
}

/** CSV as German offices save it (semicolon) or with commas or tabs; quoted cells may hold line breaks. */
export function readCsvRows(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const count = (c: string) => firstLine.split(c).length - 1;
  const delimiter = [";", "\t", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ";");
  let rows: unknown[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, trim: true, max_record_size: 100_000 }) as unknown[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw refuse(`Die CSV-Datei lässt sich nicht lesen${line ? ` (Zeile ${line})` : ""}: ein Anführungszeichen ist nicht geschlossen oder eine Zeile ist zu lang.`);
  }
  return trimmed(rows);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function table(header: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: "th" | "td") => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join("")}</tr>`;
  return `<table><thead>${tr(header, "th")}</thead><tbody>${rows.map((r) => tr(r, "td")).join("")}</tbody></table>`;
}

/** The sheets as headings and tables for the mapping step (lib/import/html-outline.ts). */
export function sheetsToHtml(sheets: SheetRows[]): string {
  const html: string[] = [];
  for (const sheet of sheets) {
    const [header = [], ...rows] = sheet.rows;
    const width = Math.max(header.length, ...rows.map((r) => r.length));
    const head = Array.from({ length: width }, (_, i) => header[i] ?? "");
    const fieldColumn = head.findIndex((h) => /^handlungsfeld/i.test(h));
    if (fieldColumn < 0) {
      html.push(`<h1>${escapeHtml(sheet.name)}</h1><h2>Maßnahmen</h2>${table(head, rows)}`);
      continue;
    }
    const without = (r: string[]) => r.filter((_, i) => i !== fieldColumn);
    const byField = new Map<string, string[][]>();
    for (const r of rows) {
      const field = r[fieldColumn] || sheet.name;
      byField.set(field, [...(byField.get(field) ?? []), without(r)]);
    }
    for (const [field, fieldRows] of byField) html.push(`<h1>${escapeHtml(field)}</h1><h2>Maßnahmen</h2>${table(without(head), fieldRows)}`);
  }
  return html.join("\n");
}
