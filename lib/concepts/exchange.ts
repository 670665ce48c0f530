/**
 * The lossless JSON backup of a concept (export and import) and the JSON read
 * API. The format carries content only: no database ids, no municipality, no
 * user ids. Sub-goals get stable refs ("sg-1", …) that measures point to, so an
 * import can create fresh ids.
 *
 * Round trip: export → import → export yields the same JSON except
 * `exportedAt` and the sections' `revision`. A revision is this database's
 * compare-and-set counter for the editor, not content, so an import starts
 * every section at revision 0 (the exported value is informational).
 *
 * The pure parts (schema, parseConceptExport, buildConceptExport,
 * planImportRows) need no database and are unit-tested.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getConceptTree, insertConcept, isUuid, listConcepts } from "@/db/queries/concepts";
import {
  fields as fieldsTable,
  measures as measuresTable,
  subGoals as subGoalsTable,
  type Concept,
  type Field,
  type FundingLine,
  type Indicator,
  type Measure,
  type NewMeasure,
  type Section,
  type SubGoal,
} from "@/db/schema";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { blueprint, fieldSections } from "@/lib/concepts/blueprint";
import { requireConcept } from "@/lib/concepts/access";
import { CONCEPT_TITLE, conceptTitleSchema, fieldTitleSchema, MAX_CUSTOM_FIELDS, TOO_MANY_CUSTOM_FIELDS } from "@/lib/concepts/schema";
import { conceptSettingsSchema, SETTING_LABELS } from "@/lib/concepts/settings";
import { textLength } from "@/lib/editor/document";
import { validateDoc, type ValidateOptions } from "@/lib/editor/validate";
import { AppError } from "@/lib/errors";
import { fileDay, fileSlug } from "@/lib/http/download";
import {
  MAX_MEASURES,
  MAX_SUB_GOAL_LINKS,
  MAX_SUB_GOALS,
  measureContentShape,
  measureRules,
  subGoalText,
} from "@/lib/measures/schema";
import { templateFor, type Template } from "@/lib/template";
import { measureCodeKey } from "@/lib/measures/label";
import { assignIndicatorIds, type IndicatorDraft } from "@/lib/measures/indicator-ids";
import { FUNDING_LINE_FIELD_LABELS, INDICATOR_FIELD_LABELS, MEASURE_FIELD_LABELS } from "@/lib/measures/labels";
import { calendarDate, findUnstorableText, UNSTORABLE_TEXT_MESSAGE, z } from "@/lib/validation";
import { currentConceptTree, flushConcept } from "@/lib/realtime/store";
import { backupKeyFigures, importKeyFigures, keyFiguresBackupSchema, type BackupKeyFigure } from "@/lib/key-figures/backup";

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

const measureSchema = z
  .strictObject({
    fieldKey: str(80),
    position: z.number().int().min(0).max(1_000_000),
    subGoalRefs: list(z.string().max(64), MAX_SUB_GOAL_LINKS),
    ...measureContentShape,
    origin: measureOriginSchema.optional(),
  })
  .superRefine(measureRules);

/** The backup format, version 1. Strict: unknown keys anywhere are rejected. */
export const conceptExportSchema = z.strictObject({
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

// ---------------------------------------------------------------------------
// Pure validation
// ---------------------------------------------------------------------------

type Json = Record<string, unknown> | unknown[] | string | number | boolean | null | undefined;
const at = (value: unknown, key: PropertyKey): Json =>
  value && typeof value === "object" ? ((value as Record<PropertyKey, unknown>)[key] as Json) : undefined;
const quoted = (value: unknown) => (typeof value === "string" && value.trim() ? ` „${value.trim().slice(0, 60)}“` : "");

/**
 * Where a path of the backup is, in the words of the forms: measures.3.indicators.0.unit
 * → ["Maßnahme 4 „Sprachcafé“", "Indikator 1", "Einheit"]. `data` is the raw backup.
 */
function placeInBackup(path: readonly PropertyKey[], data: unknown): string[] {
  const [top, i, key, j, leaf] = path;
  const item = at(at(data, top ?? ""), i ?? "");
  const n = typeof i === "number" ? i + 1 : null;
  if (top === "concept") {
    if (i === "title") return ["Titel des Konzepts"];
    if (i === "status") return ["Status des Konzepts"];
    if (i === "templateVersion") return ["Vorlagenversion"];
    if (i === "settings") return typeof key === "string" ? ["Angaben zum Konzept", SETTING_LABELS[key] ?? key] : ["Angaben zum Konzept"];
    return ["Konzept"];
  }
  if (n === null) return [];
  if (top === "fields") {
    return [`Handlungsfeld ${n}${quoted(at(item, "title"))}`, ...(key === "title" ? ["Name"] : key === "key" ? ["Schlüssel"] : [])];
  }
  if (top === "sections") return [`Abschnitt ${n}`];
  if (top === "subGoals") return [`Teilziel ${n}${quoted(at(item, "text"))}`, ...(key === "text" ? ["Text"] : [])];
  if (top !== "measures") return [];
  const measure = `Maßnahme ${n}${quoted(at(item, "title"))}`;
  if (typeof key !== "string") return [measure];
  const label = MEASURE_FIELD_LABELS[key] ?? key;
  // A funding line or an indicator is a small form of its own: "Indikator 2 › Einheit".
  const row = (what: string, labels: Record<string, string>) => [
    measure,
    ...(typeof j === "number" ? [`${what} ${j + 1}`] : [label]),
    ...(typeof leaf === "string" ? [labels[leaf] ?? leaf] : []),
  ];
  if (key === "fundingLines") return row("Förderung", FUNDING_LINE_FIELD_LABELS);
  if (key === "indicators") return row("Indikator", INDICATOR_FIELD_LABELS);
  return [measure, label, ...(typeof j === "number" ? [`Eintrag ${j + 1}`] : [])];
}

/**
 * One German sentence for the first problem of a backup: the JSON path (for
 * whoever fixes the file), the place in the forms' words, the message.
 * "measures.3.indicators.0.unit (Maßnahme 4 „Sprachcafé“ › Indikator 1 › Einheit): höchstens 200 Zeichen."
 */
function describeBackupError(error: z.ZodError, data: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "Die Sicherung ist ungültig.";
  const path = issue.path.join(".");
  const place = placeInBackup(issue.path, data);
  let message = issue.message;
  // The forms' messages often start with the field's name already ("Einheit: höchstens …").
  const last = place.at(-1);
  if (last && message.startsWith(`${last}: `)) message = message.slice(last.length + 2);
  const where = place.length > 0 ? `${path} (${place.join(" › ")})` : path;
  return where ? `${where}: ${message}` : message;
}

function sectionLabel(template: Template, s: { chapter: string; part: string; fieldKey: string | null }, fieldTitle: (key: string) => string) {
  if (s.fieldKey !== null) {
    const part = template.fieldParts.find((p) => p.key === s.part)?.title ?? s.part;
    return `Handlungsfeld „${fieldTitle(s.fieldKey)}“ – ${part}`;
  }
  const chapter = template.chapters.find((c) => c.key === s.chapter);
  const part = chapter?.parts.find((p) => p.key === s.part);
  return `Kapitel „${chapter?.title ?? s.chapter}“${part && chapter && (chapter.parts.length > 1 || part.key !== "text") ? ` – ${part.title}` : ""}`;
}

const sectionId = (s: { chapter: string; part: string; fieldKey: string | null }) => `${s.chapter}\u0000${s.part}\u0000${s.fieldKey ?? ""}`;

/**
 * Check a parsed JSON value as a concept backup without touching the database:
 * the schema, every rich-text document (validateDoc), the template version,
 * unique field keys, sections against the template, sub-goal refs. The first
 * problem is returned as one German sentence naming where it is.
 */
export function parseConceptExport(data: unknown, options: ValidateOptions = {}): ParseResult {
  const parsed = conceptExportSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: describeBackupError(parsed.error, data) };
  const input = parsed.data;
  const unstorable = findUnstorableText(input);
  if (unstorable !== null) return { ok: false, error: `${unstorable}: Der Text ${UNSTORABLE_TEXT_MESSAGE}` };

  let template: Template;
  try {
    template = templateFor(input.concept.templateVersion);
  } catch {
    return { ok: false, error: `concept.templateVersion: Unbekannte Vorlagenversion ${input.concept.templateVersion}.` };
  }

  // Fields: unique keys; a template field is one of the template's standard fields.
  const fieldByKey = new Map<string, ExportedField>();
  for (const [i, f] of input.fields.entries()) {
    if (fieldByKey.has(f.key)) return { ok: false, error: `fields.${i}.key: Das Handlungsfeld „${f.key}“ kommt mehrfach vor.` };
    if (!f.custom && !template.standardFields.some((s) => s.key === f.key)) {
      return { ok: false, error: `fields.${i}.key: „${f.key}“ ist kein Handlungsfeld der Vorlage; eigene Handlungsfelder brauchen "custom": true.` };
    }
    fieldByKey.set(f.key, f);
  }
  const custom = input.fields.filter((f) => f.custom).length;
  if (custom > MAX_CUSTOM_FIELDS) return { ok: false, error: `fields: ${TOO_MANY_CUSTOM_FIELDS} Die Sicherung hat ${custom}.` };
  const fieldTitle = (key: string) => fieldByKey.get(key)?.title ?? key;

  // Sections: each a known rich-text part of a chapter or of a field, once; documents valid.
  const sections: ValidConceptExport["sections"] = [];
  const seen = new Set<string>();
  for (const [i, s] of input.sections.entries()) {
    const where = `sections.${i}`;
    const chapterText = template.chapters.find((c) => c.key === s.chapter)?.parts.some((p) => p.key === s.part && p.kind === "richText") ?? false;
    if (s.chapter === "fields" && !(s.fieldKey === null && chapterText)) {
      // Template 2's introduction is the fields chapter's own text; every other part of that chapter belongs to a field.
      if (s.fieldKey === null) {
        return { ok: false, error: `${where}.fieldKey: Das Kapitel „Handlungsfelder“ hat in Vorlage ${template.version} keinen Textabschnitt „${s.part}“; ein Abschnitt eines Handlungsfelds braucht den Schlüssel des Handlungsfelds.` };
      }
      if (!fieldByKey.has(s.fieldKey)) return { ok: false, error: `${where}.fieldKey: Das Handlungsfeld „${s.fieldKey}“ fehlt in "fields".` };
      if (!template.fieldParts.some((p) => p.key === s.part && p.kind === "richText")) {
        return { ok: false, error: `${where}.part: Handlungsfelder haben keinen Textabschnitt „${s.part}“.` };
      }
    } else {
      const chapter = template.chapters.find((c) => c.key === s.chapter);
      if (!chapter) return { ok: false, error: `${where}.chapter: Unbekanntes Kapitel „${s.chapter}“.` };
      if (s.fieldKey !== null) return { ok: false, error: `${where}.fieldKey: Das Kapitel „${chapter.title}“ gehört zu keinem Handlungsfeld.` };
      if (!chapterText) {
        return { ok: false, error: `${where}.part: Das Kapitel „${chapter.title}“ hat keinen Textabschnitt „${s.part}“.` };
      }
    }
    const id = sectionId(s);
    if (seen.has(id)) return { ok: false, error: `${where}: ${sectionLabel(template, s, fieldTitle)} kommt mehrfach vor.` };
    seen.add(id);
    const doc = validateDoc(s.content, options);
    if (!doc.ok) return { ok: false, error: `${where}.content (${sectionLabel(template, s, fieldTitle)}): ${doc.error}` };
    sections.push({ chapter: s.chapter, part: s.part, fieldKey: s.fieldKey, content: doc.doc, textLength: textLength(doc.doc) });
  }
  // A backup may leave out empty parts; the editor expects every part to exist.
  const expected = [
    ...blueprint(template.version).sections.filter((s) => s.fieldKey === null),
    ...input.fields.flatMap((f) => fieldSections(template.version, f.key)),
  ];
  for (const s of expected) if (!seen.has(sectionId(s))) sections.push(s);

  // Sub-goals: unique refs, known field.
  const goalByRef = new Map<string, ExportedSubGoal>();
  for (const [i, g] of input.subGoals.entries()) {
    if (goalByRef.has(g.ref)) return { ok: false, error: `subGoals.${i}.ref: Der Verweis „${g.ref}“ kommt mehrfach vor.` };
    if (!fieldByKey.has(g.fieldKey)) return { ok: false, error: `subGoals.${i}.fieldKey: Das Handlungsfeld „${g.fieldKey}“ fehlt in "fields".` };
    goalByRef.set(g.ref, g);
  }

  // Measures: known field, refs resolve to sub-goals of the same field, description valid.
  const measures: ExportedMeasure[] = [];
  const codes = new Map<string, string>();
  for (const [i, m] of input.measures.entries()) {
    const where = `measures.${i}`;
    if (m.code) {
      const other = codes.get(measureCodeKey(m.code));
      if (other !== undefined) return { ok: false, error: `${where}.code: Das Kürzel „${m.code}“ ist in diesem Konzept schon vergeben (Maßnahme „${other.slice(0, 80)}“).` };
      codes.set(measureCodeKey(m.code), m.title);
    }
    if (!fieldByKey.has(m.fieldKey)) return { ok: false, error: `${where}.fieldKey: Das Handlungsfeld „${m.fieldKey}“ fehlt in "fields".` };
    const refs = new Set<string>();
    for (const [j, ref] of m.subGoalRefs.entries()) {
      const goal = goalByRef.get(ref);
      if (!goal) return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ gibt es nicht.` };
      if (goal.fieldKey !== m.fieldKey) {
        return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ gehört zu einem anderen Handlungsfeld.` };
      }
      if (refs.has(ref)) return { ok: false, error: `${where}.subGoalRefs.${j}: Das Teilziel „${ref}“ ist doppelt verknüpft.` };
      refs.add(ref);
    }
    const doc = validateDoc(m.description, options);
    if (!doc.ok) return { ok: false, error: `${where}.description (Maßnahme „${m.title.slice(0, 80)}“): ${doc.error}` };
    measures.push({ ...m, description: doc.doc });
  }

  return {
    ok: true,
    value: {
      concept: { ...input.concept, settings: input.concept.settings as Record<string, unknown> },
      fields: input.fields,
      sections,
      subGoals: input.subGoals,
      measures,
      ...(input.keyFigures ? { keyFigures: input.keyFigures } : {}),
    },
  };
}

// ---------------------------------------------------------------------------
// Pure building of the export and of the rows of an import
// ---------------------------------------------------------------------------

/** The database rows an export is built from (the columns it reads). */
export type ExportSource = {
  concept: Pick<Concept, "title" | "templateVersion" | "status" | "settings">;
  fields: Pick<Field, "id" | "key" | "title" | "custom" | "position">[];
  sections: Pick<Section, "fieldId" | "chapter" | "part" | "content" | "revision">[];
  subGoals: Pick<SubGoal, "id" | "fieldId" | "text" | "position">[];
  measures: (Pick<
    Measure,
    | "id"
    | "fieldId"
    | "position"
    | "title"
    | "code"
    | "description"
    | "subGoalIds"
    | "targetGroups"
    | "taskType"
    | "leadOffice"
    | "partners"
    | "status"
    | "startDate"
    | "endDate"
    | "priority"
    | "staffFte"
    | "materialCostCents"
    | "staffCostPerFteCents"
    | "fundingLines"
  > &
    // rows written before indicators had ids (and form input in tests) may lack one
    { indicators: IndicatorDraft[] } &
    Partial<Pick<Measure, "origin">>)[];
};

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stored document as the editor schema reads it (every attribute present), the
 * same form an import stores, so that export → import → export is stable even
 * for text written before normalisation. A document the schema rejects is kept
 * as stored (an import of it then names it).
 */
function normalisedDoc(content: JSONContent): JSONContent {
  const result = validateDoc(content);
  return result.ok ? result.doc : content;
}

/**
 * The export of a concept's rows. Deterministic: fields by position, sections in
 * document order, sub-goals and measures by field and position, so that the
 * same content always gives the same JSON (only `exportedAt` differs).
 * Documents are normalised (see normalisedDoc). Sub-goal links that point nowhere (a deleted sub-goal) are dropped.
 */
export function buildConceptExport(source: ExportSource, exportedAt: Date): ConceptExport {
  return buildConceptSnapshot(source, exportedAt).data;
}

/** Database ids of the export's fields, sub-goals and measures, index by index (a version keeps them to match measures across versions and to restore). */
export type SnapshotIds = { fields: string[]; subGoals: string[]; measures: string[] };

/** The export plus the ids of its rows, in the export's order. */
export function buildConceptSnapshot(source: ExportSource, exportedAt: Date): { data: ConceptExport; ids: SnapshotIds } {
  const template = templateFor(source.concept.templateVersion);
  const fieldRows = [...source.fields].sort((a, b) => cmp(a.position, b.position) || cmp(a.key, b.key));
  const fieldIndex = new Map(fieldRows.map((f, i) => [f.id, i]));
  const fieldKey = new Map(fieldRows.map((f) => [f.id, f.key]));
  const orderOfField = (id: string | null) => (id === null ? -1 : (fieldIndex.get(id) ?? Number.MAX_SAFE_INTEGER));

  const chapterOrder = (key: string) => {
    const i = template.chapters.findIndex((c) => c.key === key);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const partOrder = (s: { chapter: string; part: string; fieldId: string | null }) => {
    const parts = s.fieldId === null ? (template.chapters.find((c) => c.key === s.chapter)?.parts ?? []) : template.fieldParts;
    const i = parts.findIndex((p) => p.key === s.part);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const sections = [...source.sections]
    .filter((s) => s.fieldId === null || fieldKey.has(s.fieldId))
    .sort(
      (a, b) =>
        cmp(chapterOrder(a.chapter), chapterOrder(b.chapter)) ||
        cmp(a.chapter, b.chapter) ||
        cmp(orderOfField(a.fieldId), orderOfField(b.fieldId)) ||
        cmp(partOrder(a), partOrder(b)) ||
        cmp(a.part, b.part),
    )
    .map((s) => ({
      chapter: s.chapter,
      part: s.part,
      fieldKey: s.fieldId === null ? null : (fieldKey.get(s.fieldId) ?? null),
      content: normalisedDoc(s.content),
      revision: s.revision,
    }));

  const goals = [...source.subGoals]
    .filter((g) => fieldKey.has(g.fieldId))
    .sort((a, b) => cmp(orderOfField(a.fieldId), orderOfField(b.fieldId)) || cmp(a.position, b.position) || cmp(a.text, b.text));
  const refOf = new Map(goals.map((g, i) => [g.id, `sg-${i + 1}`]));
  const goalField = new Map(goals.map((g) => [g.id, g.fieldId]));

  const measureRows = [...source.measures]
    .filter((m) => fieldKey.has(m.fieldId))
    .sort((a, b) => cmp(orderOfField(a.fieldId), orderOfField(b.fieldId)) || cmp(a.position, b.position) || cmp(a.title, b.title));
  const measures = measureRows.map((m) => ({
      fieldKey: fieldKey.get(m.fieldId)!,
      position: m.position,
      title: m.title,
      code: m.code,
      description: normalisedDoc(m.description),
      subGoalRefs: m.subGoalIds.filter((id) => goalField.get(id) === m.fieldId).map((id) => refOf.get(id)!),
      targetGroups: [...m.targetGroups],
      taskType: m.taskType,
      leadOffice: m.leadOffice,
      partners: [...m.partners],
      status: m.status,
      startDate: m.startDate,
      endDate: m.endDate,
      priority: m.priority,
      staffFte: m.staffFte === null ? null : Number(m.staffFte),
      materialCostCents: m.materialCostCents,
      staffCostPerFteCents: m.staffCostPerFteCents,
      fundingLines: m.fundingLines.map((f: FundingLine) => ({
        source: f.source,
        programme: f.programme,
        amountCents: f.amountCents,
        until: f.until ?? null,
      })),
      indicators: m.indicators.map((x: IndicatorDraft) => ({
        // Rows stored before ids existed have none until the migration gave them one; never write `id: undefined`.
        ...(x.id ? { id: x.id } : {}),
        name: x.name,
        kind: x.kind,
        unit: x.unit,
        baseline: x.baseline,
        target: x.target,
        dataSource: x.dataSource,
        cadence: x.cadence,
      })),
      // Only when there is one: the JSON (and the version hashes) of every other measure stay as they were.
      ...(m.origin
        ? { origin: { kind: m.origin.kind, entryId: m.origin.entryId, fieldKey: m.origin.fieldKey, sharedOn: m.origin.sharedOn, takenOn: m.origin.takenOn } }
        : {}),
    }));

  const data: ConceptExport = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    concept: {
      title: source.concept.title,
      templateVersion: source.concept.templateVersion,
      status: source.concept.status,
      settings: source.concept.settings,
    },
    fields: fieldRows.map((f) => ({ key: f.key, title: f.title, custom: f.custom, position: f.position })),
    sections,
    subGoals: goals.map((g) => ({ ref: refOf.get(g.id)!, fieldKey: fieldKey.get(g.fieldId)!, text: g.text, position: g.position })),
    measures,
  };
  return { data, ids: { fields: fieldRows.map((f) => f.id), subGoals: goals.map((g) => g.id), measures: measureRows.map((m) => m.id) } };
}

export type ImportRows = {
  subGoals: { id: string; conceptId: string; municipalityId: string; fieldId: string; text: string; position: number }[];
  measures: NewMeasure[];
};

/**
 * The sub-goal and measure rows of an import, with fresh sub-goal ids that the
 * measures' links point to. Fields and sections are created by insertConcept.
 */
export function planImportRows(
  value: ValidConceptExport,
  ctx: { conceptId: string; municipalityId: string; userId: string; fieldIds: ReadonlyMap<string, string>; newId?: () => string },
): ImportRows {
  const newId = ctx.newId ?? randomUUID;
  const fieldId = (key: string) => {
    const id = ctx.fieldIds.get(key);
    if (!id) throw new Error(`unknown field ${key}`);
    return id;
  };
  const idOfRef = new Map<string, string>();
  const subGoals = value.subGoals.map((g) => {
    const id = newId();
    idOfRef.set(g.ref, id);
    return { id, conceptId: ctx.conceptId, municipalityId: ctx.municipalityId, fieldId: fieldId(g.fieldKey), text: g.text, position: g.position };
  });
  const measures: NewMeasure[] = value.measures.map((m) =>
    measureRow(m, { conceptId: ctx.conceptId, municipalityId: ctx.municipalityId, userId: ctx.userId, fieldId: fieldId(m.fieldKey), subGoalId: (ref) => idOfRef.get(ref)! }),
  );
  return { subGoals, measures };
}

/** The database row of an exported measure (for an import or a restore), its field and sub-goal links resolved by the caller. */
export function measureRow(
  m: ExportedMeasure,
  ctx: {
    conceptId: string;
    municipalityId: string;
    userId: string;
    fieldId: string;
    subGoalId: (ref: string) => string;
    /** a restore: the live measure's indicators, whose ids an indicator without one (an old version) takes by name */
    previousIndicators?: readonly Indicator[];
  },
): NewMeasure {
  return {
    conceptId: ctx.conceptId,
    municipalityId: ctx.municipalityId,
    fieldId: ctx.fieldId,
    position: m.position,
    title: m.title,
    code: m.code,
    description: m.description,
    subGoalIds: m.subGoalRefs.map(ctx.subGoalId),
    targetGroups: m.targetGroups,
    taskType: m.taskType,
    leadOffice: m.leadOffice,
    partners: m.partners,
    status: m.status,
    startDate: m.startDate,
    endDate: m.endDate,
    priority: m.priority,
    staffFte: m.staffFte === null ? null : m.staffFte.toFixed(2),
    materialCostCents: m.materialCostCents,
    staffCostPerFteCents: m.staffCostPerFteCents,
    fundingLines: m.fundingLines,
    indicators: assignIndicatorIds(m.indicators, ctx.previousIndicators ?? [], { keepUnknown: true }),
    origin: m.origin ?? null,
    updatedBy: ctx.userId,
  };
}

/** "Titel", or "Titel (Import)", "Titel (Import 2)" … when the title is taken; never longer than a title may be. */
export function importedTitle(title: string, taken: ReadonlySet<string>): string {
  if (!taken.has(title)) return title;
  for (let n = 1; ; n++) {
    const suffix = ` (Import${n > 1 ? ` ${n}` : ""})`;
    let cut = CONCEPT_TITLE.max - suffix.length;
    if (/[\uD800-\uDBFF]/.test(title.charAt(cut - 1))) cut -= 1; // not between the halves of a surrogate pair
    const candidate = `${title.slice(0, cut).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** File name of a download: ASCII-safe and the UTF-8 original for `filename*` (RFC 5987). */
export function exportFileName(title: string, date: Date): { ascii: string; utf8: string } {
  const day = fileDay(date);
  const name = fileSlug(title, 80, "Konzept");
  return { ascii: `Integrationskonzept_${name.ascii}_${day}.json`, utf8: `Integrationskonzept_${name.utf8}_${day}.json` };
}

// ---------------------------------------------------------------------------
// With the database
// ---------------------------------------------------------------------------

/**
 * A concept as it is now, in the backup format with its rows' ids, read in one
 * database snapshot: a save between the four reads must not tear it. For callers
 * that already checked access (export, versions, comparison, PDF).
 */
export async function readConceptSnapshot(concept: ExportSource["concept"] & { id: string }, at = new Date()) {
  const db = await getDb();
  await flushConcept(concept.id);
  const tree = await db.transaction((tx) => getConceptTree({ conceptId: concept.id }, tx), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
  return buildConceptSnapshot({ concept, ...tree }, at);
}

/** The lossless JSON backup of a concept (roles: everyone who may export). */
export async function exportConcept(actor: Actor, conceptId: string): Promise<ConceptExport> {
  const { concept } = await requireConcept(actor, conceptId, "concept.export");
  return { ...(await readConceptSnapshot(concept)).data, ...(await backupKeyFigures(concept.id)) };
}

/**
 * Create a new concept in a municipality from a backup. Everything is checked
 * first and written in one transaction: on any failure nothing is stored.
 * The new concept is always a draft, whatever status the backup names: an
 * import must not adopt a concept (or invent a status) past the status path.
 * Returns the new concept's id. `source` names the file a converted import came from (for the audit log).
 */
export async function importConcept(actor: Actor, input: { municipalityId: string; data: unknown }, source: { file?: string } = {}): Promise<string> {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "concept.import");
  const parsed = parseConceptExport(input.data);
  if (!parsed.ok) throw new AppError("bad_request", `Die Sicherung kann nicht importiert werden. ${parsed.error}`);
  const value = parsed.value;

  const taken = new Set((await listConcepts({ municipalityId: input.municipalityId })).map((c) => c.title));
  const title = importedTitle(value.concept.title, taken);
  const orderedFields = [...value.fields].sort((a, b) => cmp(a.position, b.position));

  const db = await getDb();
  return db.transaction(async (tx) => {
    const concept = await insertConcept(tx, {
      municipalityId: input.municipalityId,
      title,
      templateVersion: value.concept.templateVersion,
      createdBy: actor.id,
      settings: value.concept.settings,
      fields: orderedFields.map((f) => ({ key: f.key, title: f.title, custom: f.custom })),
      sections: value.sections,
    });
    const fieldRows = await tx
      .select({ id: fieldsTable.id, key: fieldsTable.key, position: fieldsTable.position })
      .from(fieldsTable)
      .where(eq(fieldsTable.conceptId, concept.id));
    // insertConcept numbers fields 0, 1, 2 …; keep the backup's own positions.
    for (const f of orderedFields) {
      const row = fieldRows.find((r) => r.key === f.key);
      if (row && row.position !== f.position) await tx.update(fieldsTable).set({ position: f.position }).where(eq(fieldsTable.id, row.id));
    }
    const rows = planImportRows(value, {
      conceptId: concept.id,
      municipalityId: input.municipalityId,
      userId: actor.id,
      fieldIds: new Map(fieldRows.map((r) => [r.key, r.id])),
    });
    for (let i = 0; i < rows.subGoals.length; i += 500) await tx.insert(subGoalsTable).values(rows.subGoals.slice(i, i + 500));
    for (let i = 0; i < rows.measures.length; i += 100) await tx.insert(measuresTable).values(rows.measures.slice(i, i + 100));
    await importKeyFigures(tx, value.keyFigures, { conceptId: concept.id, municipalityId: input.municipalityId, userId: actor.id });
    const details = { title, ...(source.file ? { file: source.file.replace(/\s+/g, " ").trim().slice(0, 120) } : {}) };
    await recordAudit(tx, { municipalityId: input.municipalityId, actorId: actor.id, action: "concept.import", conceptId: concept.id, details });
    return concept.id;
  });
}

type SectionView = { id: string; content: JSONContent; revision: number; updatedAt: Date };

/** A concept with all its sections, sub-goals and measures, for GET /api/concepts/[conceptId]. */
export async function readConcept(actor: Actor, conceptId: string) {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  const tree = await currentConceptTree(concept.id);
  const template = templateFor(concept.templateVersion);
  const view = (s: Section): SectionView => ({ id: s.id, content: s.content, revision: s.revision, updatedAt: s.updatedAt });

  const chapters: Record<string, Record<string, SectionView>> = {};
  for (const chapter of template.chapters) {
    for (const s of tree.sections) {
      if (s.fieldId === null && s.chapter === chapter.key) (chapters[chapter.key] ??= {})[s.part] = view(s);
    }
  }
  const fields = [...tree.fields]
    .sort((a, b) => cmp(a.position, b.position) || cmp(a.key, b.key))
    .map((f) => {
      const sections: Record<string, SectionView> = {};
      for (const s of tree.sections) if (s.fieldId === f.id) sections[s.part] = view(s);
      return {
        id: f.id,
        key: f.key,
        title: f.title,
        custom: f.custom,
        position: f.position,
        sections,
        subGoals: tree.subGoals.filter((g) => g.fieldId === f.id).map((g) => ({ id: g.id, text: g.text, position: g.position })),
        measures: tree.measures
          .filter((m) => m.fieldId === f.id)
          .map((m) => ({
            id: m.id,
            position: m.position,
            title: m.title,
            code: m.code,
            description: m.description,
            subGoalIds: m.subGoalIds,
            targetGroups: m.targetGroups,
            taskType: m.taskType,
            leadOffice: m.leadOffice,
            partners: m.partners,
            status: m.status,
            startDate: m.startDate,
            endDate: m.endDate,
            priority: m.priority,
            staffFte: m.staffFte === null ? null : Number(m.staffFte),
            materialCostCents: m.materialCostCents,
            staffCostPerFteCents: m.staffCostPerFteCents,
            fundingLines: m.fundingLines,
            indicators: m.indicators,
            origin: m.origin,
            revision: m.revision,
            updatedAt: m.updatedAt,
          })),
      };
    });
  return {
    id: concept.id,
    municipalityId: concept.municipalityId,
    title: concept.title,
    status: concept.status,
    templateVersion: concept.templateVersion,
    settings: concept.settings,
    createdAt: concept.createdAt,
    updatedAt: concept.updatedAt,
    fields,
    chapters,
  };
}
