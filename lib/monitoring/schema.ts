import { calendarDate, z } from "@/lib/validation";
import { MAX_NOTE, MIN_YEAR, YEAR_STATUSES } from "./year-status";

/* The inputs of the monitoring's writes: the server actions parse with them, and the service again. */

export const MAX_VALUE_TEXT = 200;
export const MAX_SOURCE = 200;
export const MAX_VALUE_NOTE = 1000;
/** Ist-Werte one indicator may have (a monthly value over 15 years fits). */
export const MAX_VALUES_PER_INDICATOR = 200;

const id = (what: string) => z.guid(`${what}: ungültige Kennung.`);
const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: bitte Text angeben.` })
    .trim()
    .max(max, `${label}: höchstens ${max.toLocaleString("de-DE")} Zeichen.`);

export const recordValueSchema = z.object({
  conceptId: id("Konzept"),
  measureId: id("Maßnahme"),
  indicatorId: id("Indikator"),
  observedOn: calendarDate("Stichtag"),
  /** as typed: a German number ("1.250", "12,5", "45 %") or, for an indicator without numeric baseline and target, a text */
  value: text("Wert", MAX_VALUE_TEXT).min(1, "Wert: bitte einen Wert angeben."),
  source: text("Quelle", MAX_SOURCE).default(""),
  note: text("Anmerkung", MAX_VALUE_NOTE).default(""),
});
export const deleteValueSchema = z.object({ conceptId: id("Konzept"), valueId: id("Ist-Wert") });

const year = z.coerce
  .number({ error: "Jahr: bitte ein Jahr angeben." })
  .int("Jahr: bitte ein Jahr angeben.")
  .min(MIN_YEAR, `Jahr: frühestens ${MIN_YEAR}.`)
  .max(2100, "Jahr: spätestens 2100.");

export const setYearStatusSchema = z.object({
  conceptId: id("Konzept"),
  measureId: id("Maßnahme"),
  year,
  status: z.enum(YEAR_STATUSES, { error: "Umsetzungsstand: bitte umgesetzt, teilweise umgesetzt oder nicht umgesetzt wählen." }),
  note: text("Anmerkung", MAX_NOTE).default(""),
});
export const clearYearStatusSchema = z.object({ conceptId: id("Konzept"), measureId: id("Maßnahme"), year });

export type RecordValueInput = z.input<typeof recordValueSchema>;
export type SetYearStatusInput = z.input<typeof setYearStatusSchema>;
