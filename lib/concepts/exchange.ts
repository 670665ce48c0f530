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
 * The pure parts need no database and are unit-tested: the format
 * (./exchange-format.ts), parseConceptExport (./exchange-parse.ts),
 * buildConceptExport (./exchange-build.ts) and planImportRows
 * (./exchange-plan.ts). This module re-exports them beside the database side.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { getConceptTree, insertConcept, isUuid, listConcepts } from "@/db/queries/concepts";
import { fields as fieldsTable, measures as measuresTable, subGoals as subGoalsTable, type Section } from "@/db/schema";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { findInvalidText, INVALID_TEXT_MESSAGE } from "@/lib/validation";
import { templateFor } from "@/lib/template";
import { currentConceptTree, flushConcept } from "@/lib/realtime/store";
import { cmp, buildConceptSnapshot, type ExportSource } from "./exchange-build";
import type { ConceptExport } from "./exchange-format";
import { parseConceptExport } from "./exchange-parse";
import { importedTitle, planImportRows } from "./exchange-plan";
import { backupKeyFigures, importKeyFigures } from "@/lib/key-figures/backup";

export {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  MAX_IMPORT_BYTES,
  EXPORT_LIMITS,
  conceptExportSchema,
  type ExportedField,
  type ExportedSection,
  type ExportedSubGoal,
  type ExportedMeasure,
  type ConceptExport,
  type ValidConceptExport,
  type ParseResult,
} from "./exchange-format";
export { parseConceptExport } from "./exchange-parse";
export { buildConceptExport, buildConceptSnapshot, type ExportSource, type SnapshotIds } from "./exchange-build";
export { planImportRows, measureRow, importedTitle, exportFileName, type ImportRows } from "./exchange-plan";

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
  // The forms' text rule (control characters, invisible characters only) for everything a form would have taken; the
  // rich text keeps the storage rule, as in the editor. Here, not in the parser: older versions are read by it too.
  const { sections: _richText, measures, ...rest } = value;
  const formText = findInvalidText({ ...rest, measures: measures.map(({ description: _description, ...m }) => m) });
  if (formText !== null) throw new AppError("bad_request", `Die Sicherung kann nicht importiert werden. ${formText}: Diese Angabe ${INVALID_TEXT_MESSAGE}`);

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
