/** Pure planning of an import: the rows to insert, the imported title, the download's file name. */
import { randomUUID } from "node:crypto";
import type { Indicator, NewMeasure } from "@/db/schema";
import { CONCEPT_TITLE } from "@/lib/concepts/schema";
import { fileDay, fileSlug } from "@/lib/http/download";
import { assignIndicatorIds } from "@/lib/measures/indicator-ids";
import type { ExportedMeasure, ValidConceptExport } from "./exchange-format";

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
