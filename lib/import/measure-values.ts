/**
 * Values of a measure table's cells as office files write them: German money
 * ("12.500 €", "12,5 T€"), periods ("2026–2028", "01/2026", "03/2026 – 12/2027"),
 * status words, lists of partners. Each returns null when the cell is not
 * clearly such a value (the cell's text stays in the description anyway). Pure.
 */
import { parseDecimalDe, parseEuroToCents } from "@/lib/measures/numbers";
import { MAX_CENTS, MAX_SHORT_TEXT } from "@/lib/measures/schema";
import { MAX_LIST_ITEMS } from "@/lib/measures/numbers";

export function parseMoney(text: string): number | null {
  const t = text.replace(/\s+/g, " ").trim();
  if (!t) return null;
  try {
    const thousands = /^(.*?)\s*(?:T€|TEUR|Tsd\.?\s*(?:€|EUR|Euro)?)$/i.exec(t);
    const cents = thousands ? Math.round((parseDecimalDe(thousands[1]!.trim()) ?? NaN) * 1000 * 100) : parseEuroToCents(t);
    return cents !== null && Number.isSafeInteger(cents) && cents >= 0 && cents <= MAX_CENTS ? cents : null;
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const validYear = (y: number) => y >= 1900 && y <= 2200;

/** One end of a period: "2026", "01/2026", "1.2026", "15.03.2026". */
function point(text: string, end: boolean): string | null {
  let m = /^(\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[1]);
    return validYear(y) ? (end ? `${y}-12-31` : `${y}-01-01`) : null;
  }
  m = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12 || !validYear(y)) return null;
    return `${y}-${pad(mo)}-${end ? pad(lastDay(y, mo)) : "01"}`;
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > lastDay(y, mo) || !validYear(y)) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

/** A single date, "15.03.2026" (or "2026-03-15"), as ISO; null when it is none. */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return /^\d{1,2}\.\d{1,2}\.\d{4}$/.test(t) ? point(t, false) : iso ? point(`${iso[3]}.${iso[2]}.${iso[1]}`, false) : null;
}

export function parsePeriod(text: string): { startDate: string | null; endDate: string | null } | null {
  const squashed = text.replace(/\s+/g, " ").trim();
  // "bis 31.12.2027": only an end (as the export writes a period without a start).
  const until = /^bis\s+(.+)$/i.exec(squashed);
  if (until) {
    const end = point(until[1]!, true);
    return end ? { startDate: null, endDate: end } : null;
  }
  const t = squashed.replace(/^(?:ab|seit)\s+/i, "");
  const [a, b, ...rest] = t.split(/\s*(?:–|—|-|bis)\s*/);
  if (!a || rest.length) return null;
  if (b === undefined) {
    const start = point(a, false);
    // A single month or day is the start; a single year is the whole year.
    return start ? { startDate: start, endDate: /^\d{4}$/.test(a) ? point(a, true) : null } : null;
  }
  const start = point(a, false);
  const end = point(b, true);
  if (!start || !end || end < start) return null;
  return { startDate: start, endDate: end };
}

export function parseStatus(text: string): "planned" | "running" | "completed" | "established" | null {
  const t = text.toLowerCase().trim();
  if (/^(geplant|in planung|vorgesehen|neu)$/.test(t)) return "planned";
  if (/^(laufend|läuft|in umsetzung|begonnen|gestartet|fortlaufend)$/.test(t)) return "running";
  if (/^(abgeschlossen|erledigt|beendet|umgesetzt)$/.test(t)) return "completed";
  if (/^(verstetigt|regelangebot|dauerhaft)$/.test(t)) return "established";
  return null;
}

export function parsePriority(text: string): "high" | "medium" | "low" | null {
  const t = text.toLowerCase().trim();
  return t === "hoch" ? "high" : t === "mittel" ? "medium" : t === "niedrig" || t === "gering" ? "low" : null;
}

/** "VHS, Jobcenter; Caritas" → three entries; null when an entry is too long for the form. */
export function parseList(text: string): string[] | null {
  const items = text.split(/\s*[,;\n]\s*|\s+und\s+/).map((s) => s.trim()).filter(Boolean);
  if (!items.length || items.length > MAX_LIST_ITEMS || items.some((s) => s.length > MAX_SHORT_TEXT)) return null;
  return items;
}

export type MeasureColumn = "title" | "lead" | "period" | "cost" | "status" | "priority" | "partners" | "targetGroups" | "other";

/** What a column of a measure table holds, from its header. */
export function columnKind(header: string): MeasureColumn {
  const h = header.toLowerCase();
  if (/ma(ß|ss)nahme|titel|bezeichnung|projekt/.test(h)) return "title";
  if (/federf(ü|ue)hr|zust(ä|ae)ndig|verantwortlich/.test(h)) return "lead";
  if (/zeitraum|laufzeit|zeitplan|umsetzungszeit|zeitrahmen|termin|dauer/.test(h)) return "period";
  if (/kosten|budget|mittel|betrag|finanz/.test(h)) return "cost";
  if (/status|stand/.test(h)) return "status";
  if (/priorit/.test(h)) return "priority";
  if (/partner|kooperation|beteiligt|tr(ä|ae)ger/.test(h)) return "partners";
  if (/zielgruppe/.test(h)) return "targetGroups";
  return "other";
}
