/** The backup format (version 1): its limits, its strict schema and the types read from it. */
import type { JSONContent } from "@tiptap/core";
import { conceptTitleSchema, fieldTitleSchema, MAX_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { conceptSettingsSchema } from "@/lib/concepts/settings";
import { MAX_MEASURES, MAX_SUB_GOAL_LINKS, MAX_SUB_GOALS, measureContentShape, measureRules, storedMeasureContentShape, subGoalText } from "@/lib/measures/schema";
import { calendarDate, z } from "@/lib/validation";
import { keyFiguresBackupSchema, type BackupKeyFigure } from "@/lib/key-figures/backup";

export const EXPORT_FORMAT = "konzeptwerk.concept";
export const EXPORT_FORMAT_VERSION = 1;
/** Largest backup file accepted by the import (route handler and form). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * Counts a backup may hold: what the forms allow (fields: the template's plus
 * MAX_CUSTOM_FIELDS own ones, checked exactly in parseConceptExport).
 */
export const EXPORT_LIMITS = { fields: MAX_CUSTOM_FIELDS + 50, sections: 2000, subGoals: MAX_SUB_GOALS, measures: MAX_MEASURES } as const;

// ---------------------------------------------------------------------------
// The format
// ---------------------------------------------------------------------------

const str = (max: number) => z.string().max(max, `Höchstens ${max} Zeichen.`);
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `Höchstens ${max} Einträge.`);

/*
 * The parts below that a user writes (titles, settings, sub-goals, measures)
 * are the forms' own schemas (lib/concepts/schema.ts, ./settings.ts,
 * lib/measures/schema.ts), only strict about unknown keys: a backup accepts
 * exactly what the forms accept, so every version and every backup of what was
 * typed can be read back, and nothing the forms refuse enters by a file.
 * What is here is only the frame: keys, refs, positions, counts.
 */

const fieldSchema = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/, "Ungültiger Schlüssel (Buchstaben, Ziffern, - und _, höchstens 80 Zeichen)."),
  title: fieldTitleSchema(),
  custom: z.boolean(),
  position: z.number().int().min(0).max(100_000),
});

const sectionSchema = z.strictObject({
  chapter: str(64),
  part: str(64),
  fieldKey: str(80).nullable(),
  /** Tiptap JSON; checked against the editor schema by validateDoc, not here */
  content: z.unknown(),
  revision: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

const subGoalSchema = z.strictObject({
  ref: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, "Ungültiger Verweis (Buchstaben, Ziffern, . : - und _)."),
  fieldKey: str(80),
  text: subGoalText,
  position: z.number().int().min(0).max(1_000_000),
});

/** Where a measure taken from the peer library came from (optional: older backups and measures written here have none). */
const measureOriginSchema = z.strictObject({
  kind: z.literal("peerLibrary"),
  entryId: z.guid("Ungültige Kennung des Bibliothekseintrags."),
  fieldKey: str(80),
  sharedOn: calendarDate(),
  takenOn: calendarDate(),
});

const measureSchemaOf = (content: typeof measureContentShape) =>
  z
    .strictObject({
      fieldKey: str(80),
      position: z.number().int().min(0).max(1_000_000),
      subGoalRefs: list(z.string().max(64), MAX_SUB_GOAL_LINKS),
      ...content,
      origin: measureOriginSchema.optional(),
    })
    .superRefine(measureRules);

/** The backup format, version 1. Strict: unknown keys anywhere are rejected. */
const exportSchemaOf = (measureSchema: ReturnType<typeof measureSchemaOf>) => z.strictObject({
  format: z.literal(EXPORT_FORMAT, { error: `Keine Konzeptwerk-Sicherung (erwartet: "${EXPORT_FORMAT}").` }),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION, { error: `Nicht unterstützte Formatversion (erwartet: ${EXPORT_FORMAT_VERSION}).` }),
  exportedAt: z.iso.datetime({ offset: true }),
  concept: z.strictObject({
    title: conceptTitleSchema(),
    templateVersion: z.number().int().min(1).max(10_000),
    /**
     * The status the concept had. Only information: an import always starts as
     * a draft (statuses change only through the status path); a version's
     * snapshot keeps it for its PDF (watermark, cover).
     */
    status: z.string().regex(/^[a-z][a-z_]{0,39}$/, "Ungültiger Status."),
    settings: conceptSettingsSchema,
  }),
  fields: list(fieldSchema, EXPORT_LIMITS.fields),
  sections: list(sectionSchema, EXPORT_LIMITS.sections),
  subGoals: list(subGoalSchema, EXPORT_LIMITS.subGoals),
  measures: list(measureSchema, EXPORT_LIMITS.measures),
  /** the Ausgangslage's key figures (lib/key-figures/backup.ts); absent when there are none */
  keyFigures: keyFiguresBackupSchema,
});
export const conceptExportSchema = exportSchemaOf(measureSchemaOf(measureContentShape));
/** What the app stored itself (a version's snapshot, the draft an import merges into): amounts up to the old cap. */
export const storedConceptExportSchema = exportSchemaOf(measureSchemaOf(storedMeasureContentShape));

type ExportShape = z.infer<typeof conceptExportSchema>;
export type ExportedField = ExportShape["fields"][number];
export type ExportedSection = Omit<ExportShape["sections"][number], "content"> & { content: JSONContent };
export type ExportedSubGoal = ExportShape["subGoals"][number];
export type ExportedMeasure = Omit<ExportShape["measures"][number], "description"> & { description: JSONContent };

/** A concept backup as written by exportConcept. */
export type ConceptExport = Omit<ExportShape, "sections" | "measures" | "concept"> & {
  concept: { title: string; templateVersion: number; status: string; settings: Record<string, unknown> };
  sections: ExportedSection[];
  measures: ExportedMeasure[];
};

/** A backup that passed every check, with documents normalised and every template part present. */
export type ValidConceptExport = {
  concept: ConceptExport["concept"];
  fields: ExportedField[];
  sections: { chapter: string; part: string; fieldKey: string | null; content: JSONContent; textLength: number }[];
  subGoals: ExportedSubGoal[];
  measures: ExportedMeasure[];
  keyFigures?: BackupKeyFigure[];
};

export type ParseResult = { ok: true; value: ValidConceptExport } | { ok: false; error: string };
