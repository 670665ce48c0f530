import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Executor } from "@/db";
import { deleteFieldsExcept, replaceMeasures, replaceSubGoals, restoreConceptMeta, takenIds, upsertField } from "@/db/queries/restore";
import { insertVersion, lockConcept } from "@/db/queries/versions";
import { getStaffCostRate } from "@/db/queries/funding";
import type { Concept, NewMeasure } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";
import { buildConceptSnapshot, measureRow, type SnapshotIds, type ValidConceptExport } from "@/lib/concepts/exchange";
import { restoreSectionTexts } from "@/lib/concepts/sections";
import { AppError } from "@/lib/errors";
import { currentConceptTree } from "@/lib/realtime/store";
import type { VersionKind } from "./read";
import { sectionKey, snapshotHashes } from "./snapshot";
import { decidedSuggestionIds } from "@/db/queries/suggestions";
import { hasSuggestions, reject } from "@/lib/suggestions/resolve";
import { listSuggestions } from "@/lib/suggestions/list";
import type { JSONContent } from "@tiptap/core";

/** The text with every proposal whose id is in `decided` taken back (the text it was made on). */
function withoutDecided(content: JSONContent, decided: ReadonlySet<string>): JSONContent {
  if (decided.size === 0 || !hasSuggestions(content)) return content;
  let doc = content;
  for (const s of listSuggestions(content)) if (decided.has(s.id)) doc = reject(doc, s.id) ?? doc;
  return doc;
}

/** Snapshot the concept as it is now, inside a transaction that holds the concept's lock. */
export async function snapshotInto(
  tx: Executor,
  concept: Concept,
  actor: Actor,
  input: { label: string; kind: VersionKind; restoredFrom?: number; decision?: { date: string; reference: string } },
) {
  const tree = await currentConceptTree(concept.id, tx);
  const perFteCents = await getStaffCostRate({ municipalityId: concept.municipalityId }, tx);
  const snapshot = buildConceptSnapshot({ concept, ...tree }, new Date());
  const row = await insertVersion(
    {
      conceptId: concept.id,
      municipalityId: concept.municipalityId,
      label: (n) => input.label || `Version ${n}`,
      kind: input.kind,
      status: concept.status,
      restoredFrom: input.restoredFrom ?? null,
      decision: input.decision ?? null,
      hashes: snapshotHashes(snapshot),
      staffCostRate: { perFteCents },
      createdBy: actor.id,
      snapshot: snapshot.data as unknown as Record<string, unknown>,
      ids: snapshot.ids,
    },
    tx,
  );
  return { number: row.number, tree, snapshot };
}

export async function locked<T>(conceptId: string, work: (tx: Executor, concept: Concept) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const concept = await lockConcept({ conceptId }, tx);
    if (!concept) throw new AppError("not_found");
    return work(tx, concept);
  });
}

type ConceptTree = Awaited<ReturnType<typeof currentConceptTree>>;

/**
 * Write a concept in the backup format over the live rows of the locked
 * concept (a restore, an import into a draft): fields by key, part texts as
 * edits of the live documents, sub-goals and measures by id (rows of this
 * concept are updated, others created; ids another concept holds are replaced).
 * Returns how many parts' texts changed.
 */
export async function writeSnapshotData(
  tx: Executor,
  current: Concept,
  actor: Actor,
  tree: ConceptTree,
  { data, ids }: { data: ValidConceptExport; ids: SnapshotIds },
  /** measures (by id) the caller knows to be exactly as stored: left alone */
  unchangedMeasures: ReadonlySet<string> = new Set(),
): Promise<number> {
  // Fields by key (the key is what sections and measures of the snapshot name).
  const currentFields = new Map(tree.fields.map((f) => [f.key, f]));
  const takenFieldIds = await takenIds("fields", ids.fields, tx);
  const fieldIdByKey = new Map<string, string>();
  for (const [i, f] of data.fields.entries()) {
    const existing = currentFields.get(f.key);
    const wanted = ids.fields[i]!;
    const id = await upsertField(
      {
        conceptId: current.id,
        municipalityId: current.municipalityId,
        existingId: existing?.id ?? null,
        id: existing ? null : takenFieldIds.has(wanted) ? randomUUID() : wanted,
        key: f.key,
        title: f.title,
        custom: f.custom,
        position: f.position,
      },
      tx,
    );
    fieldIdByKey.set(f.key, id);
  }
  await deleteFieldsExcept({ conceptId: current.id, keep: [...fieldIdByKey.values()] }, tx);

  // Section text, through the sections module. A proposal of the written state that was decided since comes
  // back as the text it was made on, not as open again: its decision stands (and is listed as decided).
  const decided = await decidedSuggestionIds({ conceptId: current.id }, tx);
  const keptFieldIds = new Set(fieldIdByKey.values());
  const sectionsWritten = await restoreSectionTexts(tx, {
    conceptId: current.id,
    municipalityId: current.municipalityId,
    userId: actor.id,
    current: tree.sections.filter((s) => s.fieldId === null || keptFieldIds.has(s.fieldId)),
    target: data.sections.map((s) => ({
      id: ids.sections?.[sectionKey(s)],
      chapter: s.chapter,
      part: s.part,
      fieldId: s.fieldKey === null ? null : fieldIdByKey.get(s.fieldKey)!,
      content: withoutDecided(s.content, decided),
    })),
  });

  // Sub-goals and measures by id: existing rows of this concept are updated, others created.
  const ownGoals = new Set(tree.subGoals.map((g) => g.id));
  const takenGoals = await takenIds("sub_goals", ids.subGoals, tx);
  const goalIdByRef = new Map<string, string>();
  const goalRows = data.subGoals.map((g, i) => {
    const wanted = ids.subGoals[i]!;
    const existing = ownGoals.has(wanted);
    const id = existing || !takenGoals.has(wanted) ? wanted : randomUUID();
    goalIdByRef.set(g.ref, id);
    return { id, existing, municipalityId: current.municipalityId, fieldId: fieldIdByKey.get(g.fieldKey)!, text: g.text, position: g.position };
  });
  await replaceSubGoals({ conceptId: current.id, rows: goalRows }, tx);

  const ownMeasures = new Map(tree.measures.map((m) => [m.id, m]));
  const takenMeasures = await takenIds("measures", ids.measures, tx);
  const measureRows = data.measures.map((m, i) => {
    const wanted = ids.measures[i]!;
    const existing = ownMeasures.has(wanted);
    const row: NewMeasure & { id: string } = {
      ...measureRow(m, {
        conceptId: current.id,
        municipalityId: current.municipalityId,
        userId: actor.id,
        fieldId: fieldIdByKey.get(m.fieldKey)!,
        subGoalId: (ref) => goalIdByRef.get(ref)!,
        previousIndicators: ownMeasures.get(wanted)?.indicators,
      }),
      id: existing || !takenMeasures.has(wanted) ? wanted : randomUUID(),
    };
    return { row, existing, unchanged: existing && unchangedMeasures.has(row.id) };
  });
  await replaceMeasures({ conceptId: current.id, rows: measureRows }, tx);

  await restoreConceptMeta({ conceptId: current.id, title: data.concept.title, settings: data.concept.settings }, tx);
  return sectionsWritten;
}
