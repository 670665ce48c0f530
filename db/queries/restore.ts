import "server-only";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { Executor } from "@/db";
import { concepts, fields, measures, sections, subGoals, type NewMeasure } from "@/db/schema";

/**
 * Row writes of a restore: a version's content written forward into the live
 * tables of its concept (lib/versions/restore.ts decides what; these only write).
 * Every statement is scoped to the concept, so ids from a snapshot can never
 * touch another concept's rows.
 */

/** Ids among `ids` that already exist in a table (any concept): those cannot be reused for an insert. */
export async function takenIds(table: "fields" | "sub_goals" | "measures" | "sections", ids: string[], tx: Executor): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const t = table === "fields" ? fields : table === "sub_goals" ? subGoals : table === "sections" ? sections : measures;
  const rows = await tx.select({ id: t.id }).from(t).where(inArray(t.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function upsertField(
  input: { conceptId: string; municipalityId: string; id: string | null; existingId: string | null; key: string; title: string; custom: boolean; position: number },
  tx: Executor,
): Promise<string> {
  if (input.existingId) {
    await tx
      .update(fields)
      .set({ title: input.title, custom: input.custom, position: input.position })
      .where(and(eq(fields.id, input.existingId), eq(fields.conceptId, input.conceptId)));
    return input.existingId;
  }
  const [row] = await tx
    .insert(fields)
    .values({ ...(input.id ? { id: input.id } : {}), conceptId: input.conceptId, municipalityId: input.municipalityId, key: input.key, title: input.title, custom: input.custom, position: input.position })
    .returning({ id: fields.id });
  return row!.id;
}

export async function deleteFieldsExcept({ conceptId, keep }: { conceptId: string; keep: string[] }, tx: Executor) {
  await tx.delete(fields).where(and(eq(fields.conceptId, conceptId), keep.length ? notInArray(fields.id, keep) : sql`true`));
}

/** Write a section's text forward: a new revision, so open editors see a conflict instead of overwriting it. */
export async function insertSection(
  input: { id?: string; conceptId: string; municipalityId: string; fieldId: string | null; chapter: string; part: string; content: JSONContent; textLength: number; userId: string },
  tx: Executor,
) {
  await tx.insert(sections).values({
    ...(input.id ? { id: input.id } : {}),
    conceptId: input.conceptId,
    municipalityId: input.municipalityId,
    fieldId: input.fieldId,
    chapter: input.chapter,
    part: input.part,
    content: input.content,
    textLength: input.textLength,
    revision: 1,
    updatedBy: input.userId,
  });
}

export async function replaceSubGoals(
  input: { conceptId: string; rows: { id: string; existing: boolean; municipalityId: string; fieldId: string; text: string; position: number }[] },
  tx: Executor,
) {
  const keep = input.rows.filter((r) => r.existing).map((r) => r.id);
  await tx.delete(subGoals).where(and(eq(subGoals.conceptId, input.conceptId), keep.length ? notInArray(subGoals.id, keep) : sql`true`));
  for (const r of input.rows) {
    if (r.existing) {
      await tx.update(subGoals).set({ fieldId: r.fieldId, text: r.text, position: r.position }).where(and(eq(subGoals.id, r.id), eq(subGoals.conceptId, input.conceptId)));
    } else {
      await tx.insert(subGoals).values({ id: r.id, conceptId: input.conceptId, municipalityId: r.municipalityId, fieldId: r.fieldId, text: r.text, position: r.position });
    }
  }
}

/**
 * The concept's measures become exactly the given rows. An existing row marked
 * unchanged is left alone (no new revision, so an open measure form does not
 * meet a conflict over nothing).
 */
export async function replaceMeasures(
  input: { conceptId: string; rows: { row: NewMeasure & { id: string }; existing: boolean; unchanged?: boolean }[] },
  tx: Executor,
) {
  const keep = input.rows.filter((r) => r.existing).map((r) => r.row.id);
  const rewrite = input.rows.filter((r) => r.existing && !r.unchanged).map((r) => r.row.id);
  await tx.delete(measures).where(and(eq(measures.conceptId, input.conceptId), keep.length ? notInArray(measures.id, keep) : sql`true`));
  // Codes are unique per concept: clear those of the rows to rewrite first, so that a restore that swaps two codes passes row by row.
  if (rewrite.length) await tx.update(measures).set({ code: "" }).where(and(eq(measures.conceptId, input.conceptId), inArray(measures.id, rewrite)));
  for (const { row, existing, unchanged } of input.rows) {
    if (existing && unchanged) continue;
    if (existing) {
      const { id, conceptId: _c, municipalityId: _m, ...content } = row;
      await tx
        .update(measures)
        .set({ ...content, revision: sql`${measures.revision} + 1`, updatedAt: new Date() })
        .where(and(eq(measures.id, id), eq(measures.conceptId, input.conceptId)));
    } else {
      await tx.insert(measures).values(row);
    }
  }
}

export async function restoreConceptMeta(input: { conceptId: string; title: string; settings: Record<string, unknown> }, tx: Executor) {
  await tx.update(concepts).set({ title: input.title, settings: input.settings, updatedAt: new Date() }).where(eq(concepts.id, input.conceptId));
}
