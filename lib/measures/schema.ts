import type { JSONContent } from "@tiptap/core";
import { EMPTY_DOC } from "@/lib/editor/document";
import { z } from "@/lib/validation";
import { FUNDING_SOURCES, INDICATOR_KINDS, PRIORITIES, STATUSES, TASK_TYPES } from "./labels";
import { MAX_LIST_ITEMS } from "./numbers";

export { NumberFormatError, parseEuroToCents, parseDecimalDe, formatDecimalInput } from "./numbers";

/*
 * What the measure form and the API send. Shared by the browser (checks before
 * sending) and the server (server actions, service); the description is only
 * checked for its shape here, validateDoc runs in the service (it needs the
 * editor schema and Node's Buffer).
 */

/** Largest amount accepted anywhere: 999.999.999.999,99 € (stays a safe integer in cents). */
export const MAX_CENTS = 99_999_999_999_999;
export { MAX_LIST_ITEMS } from "./numbers";
export const MAX_SHORT_TEXT = 200;

const id = (what: string) => z.guid(`${what}: ungültige Kennung.`);

/** "YYYY-MM-DD" of a real calendar day; "" and undefined become null. */
const optionalDate = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z
    .string({ error: "Bitte ein Datum angeben." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Bitte ein Datum im Format JJJJ-MM-TT angeben.")
    .refine(isCalendarDate, "Dieses Datum gibt es nicht.")
    .nullable(),
);

const shortText = (label: string) =>
  z
    .string({ error: `${label}: bitte Text angeben.` })
    .trim()
    .max(MAX_SHORT_TEXT, `${label}: höchstens ${MAX_SHORT_TEXT} Zeichen.`);

const textList = (label: string) =>
  z
    .array(shortText(label).min(1, `${label}: leere Einträge sind nicht erlaubt.`), { error: `${label}: bitte eine Liste angeben.` })
    .max(MAX_LIST_ITEMS, `${label}: höchstens ${MAX_LIST_ITEMS} Einträge.`);

const cents = (label: string) =>
  z
    .number({ error: `${label}: bitte einen Betrag angeben.` })
    .int(`${label}: bitte einen Betrag in ganzen Cent angeben.`)
    .min(0, `${label}: der Betrag darf nicht negativ sein.`)
    .max(MAX_CENTS, `${label}: der Betrag ist zu groß.`);

export const fundingLineSchema = z.object({
  source: z.enum(FUNDING_SOURCES, {
    error: "Bitte eine Förderquelle wählen (Kommune, Land, Bund, EU oder Dritte).",
  }),
  programme: shortText("Programm").default(""),
  amountCents: cents("Betrag"),
  until: optionalDate.default(null),
});

export const indicatorSchema = z.object({
  name: shortText("Name des Indikators").min(1, "Bitte einen Namen für den Indikator angeben."),
  kind: z.enum(INDICATOR_KINDS, { error: "Bitte Output oder Outcome wählen." }),
  unit: shortText("Einheit").default(""),
  baseline: shortText("Basiswert").default(""),
  target: shortText("Zielwert").default(""),
  dataSource: shortText("Datenquelle").default(""),
  cadence: shortText("Erhebungsturnus").default(""),
});

/** The fields of a measure, without the cross-field rules (see measureInputSchema). */
export const measureFieldsSchema = z.object({
  title: z
    .string({ error: "Bitte einen Titel angeben." })
    .trim()
    .min(1, "Bitte einen Titel angeben.")
    .min(3, "Der Titel muss mindestens 3 Zeichen lang sein.")
    .max(300, "Der Titel darf höchstens 300 Zeichen lang sein."),
  description: z.custom<JSONContent>(
    (v) => !!v && typeof v === "object" && !Array.isArray(v) && (v as { type?: unknown }).type === "doc",
    "Die Beschreibung hat kein gültiges Format.",
  ).default(EMPTY_DOC),
  subGoalIds: z.array(id("Teilziel")).max(200, "Zu viele Teilziele ausgewählt.").default([]),
  targetGroups: textList("Zielgruppen").default([]),
  taskType: z.enum(TASK_TYPES, { error: "Bitte Pflichtaufgabe oder freiwillige Aufgabe wählen." }),
  leadOffice: shortText("Federführung").default(""),
  partners: textList("Kooperationspartner").default([]),
  status: z.enum(STATUSES, { error: "Bitte einen Status wählen." }).default("planned"),
  startDate: optionalDate.default(null),
  endDate: optionalDate.default(null),
  priority: z.enum(PRIORITIES, { error: "Bitte eine Priorität wählen." }).default("medium"),
  staffFte: z
    .number({ error: "Personal: bitte eine Zahl angeben." })
    .min(0, "Personal: der Wert darf nicht negativ sein.")
    .max(1000, "Personal: höchstens 1.000 VZÄ.")
    .refine(hasAtMostTwoDecimals, "Personal: höchstens zwei Nachkommastellen.")
    .nullable()
    .default(null),
  materialCostCents: cents("Sachkosten").nullable().default(null),
  fundingLines: z.array(fundingLineSchema).max(MAX_LIST_ITEMS, `Höchstens ${MAX_LIST_ITEMS} Förderungen.`).default([]),
  indicators: z.array(indicatorSchema).max(MAX_LIST_ITEMS, `Höchstens ${MAX_LIST_ITEMS} Indikatoren.`).default([]),
});

/** Cross-field rules of a measure; applied to every schema that contains its fields. */
function measureRules(value: { startDate: string | null; endDate: string | null }, ctx: z.RefinementCtx) {
  if (value.startDate && value.endDate && value.endDate < value.startDate) {
    ctx.addIssue({ code: "custom", message: "Das Ende liegt vor dem Beginn.", path: ["endDate"] });
  }
}

/** A measure as the form / API sends it. */
export const measureInputSchema = measureFieldsSchema.superRefine(measureRules);
export type MeasureInput = z.infer<typeof measureInputSchema>;
/** What a caller may send (defaults not yet applied). */
export type MeasureInputDraft = z.input<typeof measureInputSchema>;

const conceptId = id("Konzept");
const direction = z.enum(["up", "down"], { error: "Bitte „up“ oder „down“ angeben." });
const subGoalText = z
  .string({ error: "Bitte einen Text für das Teilziel angeben." })
  .trim()
  .min(1, "Bitte einen Text für das Teilziel angeben.")
  .max(1000, "Ein Teilziel darf höchstens 1.000 Zeichen lang sein.");

/* Inputs of the service functions (and so of the server actions). */
export const createMeasureSchema = measureFieldsSchema.extend({ conceptId, fieldId: id("Handlungsfeld") }).superRefine(measureRules);
export const updateMeasureSchema = measureFieldsSchema
  .extend({
    conceptId,
    measureId: id("Maßnahme"),
    baseRevision: z.number({ error: "Die Revision fehlt." }).int().min(0, "Die Revision ist ungültig."),
  })
  .superRefine(measureRules);
export const deleteMeasureSchema = z.object({ conceptId, measureId: id("Maßnahme") });
export const moveMeasureSchema = z.object({ conceptId, measureId: id("Maßnahme"), direction });
export const addSubGoalSchema = z.object({ conceptId, fieldId: id("Handlungsfeld"), text: subGoalText });
export const updateSubGoalSchema = z.object({ conceptId, subGoalId: id("Teilziel"), text: subGoalText });
export const deleteSubGoalSchema = z.object({ conceptId, subGoalId: id("Teilziel") });
export const moveSubGoalSchema = z.object({ conceptId, subGoalId: id("Teilziel"), direction });

export type CreateMeasureInput = z.infer<typeof createMeasureSchema>;
export type UpdateMeasureInput = z.infer<typeof updateMeasureSchema>;
export type DeleteMeasureInput = z.infer<typeof deleteMeasureSchema>;
export type MoveMeasureInput = z.infer<typeof moveMeasureSchema>;
export type AddSubGoalInput = z.infer<typeof addSubGoalSchema>;
export type UpdateSubGoalInput = z.infer<typeof updateSubGoalSchema>;
export type DeleteSubGoalInput = z.infer<typeof deleteSubGoalSchema>;
export type MoveSubGoalInput = z.infer<typeof moveSubGoalSchema>;

function hasAtMostTwoDecimals(n: number) {
  return Math.abs(Math.round(n * 100) - n * 100) < 1e-6;
}

function isCalendarDate(s: string) {
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
