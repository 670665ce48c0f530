import type { JSONContent } from "@tiptap/core";
import { EMPTY_DOC } from "@/lib/editor/document";
import { calendarDate, z } from "@/lib/validation";
import { FUNDING_SOURCES, INDICATOR_KINDS, PRIORITIES, STATUSES, TASK_TYPES } from "./labels";
import { MEASURE_CODE_HINT, MEASURE_CODE_MAX, MEASURE_CODE_PATTERN } from "./label";
import { MAX_LIST_ITEMS } from "./numbers";

export { NumberFormatError, parseEuroToCents, parseDecimalDe, formatDecimalInput } from "./numbers";

/*
 * The one schema of a measure and of a sub-goal: the browser checks the form
 * with it before sending, the server actions and the service parse with it,
 * and the backup format (import, version snapshots, restore) is built from the
 * same pieces (lib/concepts/exchange.ts), so that whatever the form accepts a
 * backup of it accepts too, and the other way round. The description is only
 * checked for its shape here; validateDoc runs in the service and in the
 * import (it needs the editor schema and Node's Buffer).
 */

/**
 * Largest amount accepted anywhere: 999.999.999,99 €. With at most MAX_MEASURES measures of MAX_LIST_ITEMS funding
 * lines each, every total the funding tables add up stays a safe integer in cents (2.000 × 20 × 10^11 < 2^53), so
 * the sums by source, by year and in all agree to the cent.
 */
export const MAX_CENTS = 99_999_999_999;
/** Largest personnel cost rate: 1.000.000 € per VZÄ and year (× MAX_STAFF_FTE: at most 10^11 cents a measure). */
export const MAX_RATE_CENTS = 100_000_000;
/**
 * The cap of any amount before 2026-12 (rates included): what the app may have stored in a draft or a version. It is
 * read as stored (a version, the draft an import merges into), never accepted as input again.
 */
export const STORED_MAX_CENTS = 99_999_999_999_999;
type MoneyLimits = { cents: number; rate: number };
const INPUT_MONEY: MoneyLimits = { cents: MAX_CENTS, rate: MAX_RATE_CENTS };
const STORED_MONEY: MoneyLimits = { cents: STORED_MAX_CENTS, rate: STORED_MAX_CENTS };
export const AMOUNT_TOO_LARGE = (label: string) => `${label}: höchstens 999.999.999,99 €.`;
export const RATE_TOO_LARGE = (label: string) => `${label}: höchstens 1.000.000 € je VZÄ und Jahr.`;
export { MAX_LIST_ITEMS } from "./numbers";
export const MAX_SHORT_TEXT = 200;
export const MEASURE_TITLE = { min: 3, max: 300 } as const;
export const MAX_STAFF_FTE = 1000;
export const MAX_SUB_GOAL_TEXT = 1000;
/** Sub-goals one measure may be linked to. */
export const MAX_SUB_GOAL_LINKS = 200;
/** Measures and sub-goals of one concept (the form refuses the next one, the import a backup with more). */
export const MAX_MEASURES = 2000;
export const MAX_SUB_GOALS = 2000;

const id = (what: string) => z.guid(`${what}: ungültige Kennung.`);

/** "YYYY-MM-DD" of a real calendar day; "" and undefined become null. */
const optionalDate = z.preprocess((v) => (v === "" || v === undefined ? null : v), calendarDate().nullable());

const shortText = (label: string) =>
  z
    .string({ error: `${label}: bitte Text angeben.` })
    .trim()
    .max(MAX_SHORT_TEXT, `${label}: höchstens ${MAX_SHORT_TEXT} Zeichen.`);

const textList = (label: string) =>
  z
    .array(shortText(label).min(1, `${label}: leere Einträge sind nicht erlaubt.`), { error: `${label}: bitte eine Liste angeben.` })
    .max(MAX_LIST_ITEMS, `${label}: höchstens ${MAX_LIST_ITEMS} Einträge.`);

const cents = (label: string, max = MAX_CENTS, tooLarge = AMOUNT_TOO_LARGE(label)) =>
  z
    .number({ error: `${label}: bitte einen Betrag angeben.` })
    .int(`${label}: bitte einen Betrag in ganzen Cent angeben.`)
    .min(0, `${label}: der Betrag darf nicht negativ sein.`)
    .max(max, tooLarge);

const fundingLine = (money: MoneyLimits) =>
  z.strictObject({
    source: z.enum(FUNDING_SOURCES, {
      error: "Bitte eine Förderquelle wählen (Kommune, Land, Bund, EU oder Dritte).",
    }),
    programme: shortText("Programm").default(""),
    amountCents: cents("Betrag", money.cents),
    until: optionalDate.default(null),
  });
export const fundingLineSchema = fundingLine(INPUT_MONEY);

export const indicatorSchema = z.strictObject({
  /** kept across edits (lib/measures/indicator-ids.ts); missing in a new row and in backups before ids existed */
  id: id("Indikator").optional(),
  name: shortText("Name des Indikators").min(1, "Bitte einen Namen für den Indikator angeben."),
  kind: z.enum(INDICATOR_KINDS, { error: "Bitte Output oder Outcome wählen." }),
  unit: shortText("Einheit").default(""),
  baseline: shortText("Basiswert").default(""),
  target: shortText("Zielwert").default(""),
  dataSource: shortText("Datenquelle").default(""),
  cadence: shortText("Erhebungsturnus").default(""),
});

/**
 * The content of a measure, without its links to sub-goals (ids in the form,
 * refs in a backup) and without the cross-field rules (see measureRules).
 */
const measureContent = (money: MoneyLimits) => ({
  title: z
    .string({ error: "Bitte einen Titel angeben." })
    .trim()
    .min(1, "Bitte einen Titel angeben.")
    .min(MEASURE_TITLE.min, `Der Titel muss mindestens ${MEASURE_TITLE.min} Zeichen lang sein.`)
    .max(MEASURE_TITLE.max, `Der Titel darf höchstens ${MEASURE_TITLE.max} Zeichen lang sein.`),
  /** The measure's own code ("SP-01"), shown instead of the automatic number; "" = none. Unique per concept (checked by the service). */
  code: z
    .string({ error: "Kürzel: bitte Text angeben." })
    .trim()
    .refine((c) => [...c].length <= MEASURE_CODE_MAX, `Kürzel: höchstens ${MEASURE_CODE_MAX} Zeichen.`)
    .refine((c) => c === "" || MEASURE_CODE_PATTERN.test(c), `Kürzel: ${MEASURE_CODE_HINT}.`)
    .default(""),
  description: z.custom<JSONContent>(
    (v) => !!v && typeof v === "object" && !Array.isArray(v) && (v as { type?: unknown }).type === "doc",
    "Die Beschreibung hat kein gültiges Format.",
  ).default(EMPTY_DOC),
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
    .max(MAX_STAFF_FTE, "Personal: höchstens 1.000 VZÄ.")
    .refine(hasAtMostTwoDecimals, "Personal: höchstens zwei Nachkommastellen.")
    .nullable()
    .default(null),
  materialCostCents: cents("Sachkosten", money.cents).nullable().default(null),
  /** The measure's own personnel cost rate per VZÄ and year; null = the municipality's. */
  staffCostPerFteCents: cents("Personalkosten je VZÄ", money.rate, RATE_TOO_LARGE("Personalkosten je VZÄ"))
    .min(1, "Personalkosten je VZÄ: bitte einen Betrag größer als 0 € angeben (oder das Feld leer lassen).")
    .nullable()
    .default(null),
  fundingLines: z.array(fundingLine(money)).max(MAX_LIST_ITEMS, `Höchstens ${MAX_LIST_ITEMS} Förderungen.`).default([]),
  indicators: z.array(indicatorSchema).max(MAX_LIST_ITEMS, `Höchstens ${MAX_LIST_ITEMS} Indikatoren.`).default([]),
});
export const measureContentShape = measureContent(INPUT_MONEY);
/** The same, with the amounts the app may have stored before the caps were lowered (see STORED_MAX_CENTS). */
export const storedMeasureContentShape = measureContent(STORED_MONEY);

/** The fields of a measure as the form sends them, without the cross-field rules (see measureInputSchema). */
export const measureFieldsSchema = z.object({
  ...measureContentShape,
  subGoalIds: z.array(id("Teilziel")).max(MAX_SUB_GOAL_LINKS, "Zu viele Teilziele ausgewählt.").default([]),
});

/** Cross-field rules of a measure; applied to every schema that contains its fields. */
export function measureRules(value: { startDate: string | null; endDate: string | null }, ctx: z.RefinementCtx) {
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
/** The text of a sub-goal (Teilziel), in the form and in a backup. */
export const subGoalText = z
  .string({ error: "Bitte einen Text für das Teilziel angeben." })
  .trim()
  .min(1, "Bitte einen Text für das Teilziel angeben.")
  .max(MAX_SUB_GOAL_TEXT, "Ein Teilziel darf höchstens 1.000 Zeichen lang sein.");

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
