/** Pure building of a backup (and of a version's snapshot) from the database rows of a concept. */
import type { JSONContent } from "@tiptap/core";
import type { Concept, Field, FundingLine, Measure, Section, SubGoal } from "@/db/schema";
import { validateDoc } from "@/lib/editor/validate";
import { templateFor } from "@/lib/template";
import type { IndicatorDraft } from "@/lib/measures/indicator-ids";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION, type ConceptExport } from "./exchange-format";

/** The database rows an export is built from (the columns it reads). */
export type ExportSource = {
  concept: Pick<Concept, "title" | "templateVersion" | "status" | "settings">;
  fields: Pick<Field, "id" | "key" | "title" | "custom" | "position">[];
  /** `id`: the database's, when the rows come from it (a version keeps them) */
  sections: (Pick<Section, "fieldId" | "chapter" | "part" | "content" | "revision"> & { id?: string })[];
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

/** Sort order of positions and keys (also used by the import). */
export const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);

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

/** A part's key within a concept: "chapter/part/fieldKey" (the versions' hashes and comparison, a version's part ids). */
export const sectionKey = (s: { chapter: string; part: string; fieldKey: string | null }) => `${s.chapter}/${s.part}/${s.fieldKey ?? ""}`;

/**
 * Database ids of the export's fields, sub-goals and measures, index by index (a version keeps them to match
 * measures across versions and to restore); and of its parts, so that a part a restore brings back (with its
 * field of action) keeps its id and the comments on it: by the part's key "chapter/part/fieldKey" (the parse of a
 * stored version may add a template's missing parts). Versions made before parts' ids were kept have none.
 */
export type SnapshotIds = { fields: string[]; subGoals: string[]; measures: string[]; sections?: Record<string, string> };

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
  const sectionRows = [...source.sections]
    .filter((s) => s.fieldId === null || fieldKey.has(s.fieldId))
    .sort(
      (a, b) =>
        cmp(chapterOrder(a.chapter), chapterOrder(b.chapter)) ||
        cmp(a.chapter, b.chapter) ||
        cmp(orderOfField(a.fieldId), orderOfField(b.fieldId)) ||
        cmp(partOrder(a), partOrder(b)) ||
        cmp(a.part, b.part),
    );
  const sections = sectionRows.map((s) => ({
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
  const sectionIds = sectionRows.length > 0 && sectionRows.every((s) => s.id) ? { sections: Object.fromEntries(sections.map((s, i) => [sectionKey(s), sectionRows[i]!.id!])) } : {};
  return { data, ids: { fields: fieldRows.map((f) => f.id), subGoals: goals.map((g) => g.id), measures: measureRows.map((m) => m.id), ...sectionIds } };
}
