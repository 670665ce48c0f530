import { calendarDate, z } from "@/lib/validation";

/* The inputs of the key figures' writes: the server actions parse with them, and the service again. */

export const MAX_NAME = 200;
export const MAX_UNIT = 40;
export const MAX_SOURCE = 300;
export const MIN_YEAR = 1990;
/** Values one concept may hold (60 figures over 8 years fit). */
export const MAX_KEY_FIGURE_ROWS = 500;

const text = (label: string, max: number) =>
  z
    .string({ error: `${label}: bitte Text angeben.` })
    .trim()
    .max(max, `${label}: höchstens ${max.toLocaleString("de-DE")} Zeichen.`);

const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), calendarDate("Stichtag").nullable());

export const recordKeyFigureSchema = z.object({
  conceptId: z.guid("Konzept: ungültige Kennung."),
  name: text("Kennzahl", MAX_NAME).min(1, "Kennzahl: bitte einen Namen angeben."),
  /** as typed, German notation ("1.250", "12,5") */
  value: text("Wert", 40).min(1, "Wert: bitte einen Wert angeben."),
  unit: text("Einheit", MAX_UNIT).default(""),
  year: z.coerce
    .number({ error: "Jahr: bitte ein Jahr angeben." })
    .int("Jahr: bitte ein Jahr angeben.")
    .min(MIN_YEAR, `Jahr: frühestens ${MIN_YEAR}.`)
    .max(2100, "Jahr: spätestens 2100."),
  referenceDate: optionalDate.default(null),
  source: text("Quelle", MAX_SOURCE).default(""),
});

export const deleteKeyFigureSchema = z.object({ conceptId: z.guid("Konzept: ungültige Kennung."), keyFigureId: z.guid("Kennzahl: ungültige Kennung.") });

export type RecordKeyFigureInput = z.input<typeof recordKeyFigureSchema>;
