import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Executor } from "@/db";
import { concepts, fields, measures, sections, subGoals, type Concept } from "@/db/schema";

/** The municipality's concepts, archived ones included (archivedAt set); concepts marked for deletion are left out. */
export async function listConcepts({ municipalityId }: { municipalityId: string }) {
  const db = await getDb();
  return db
    .select({
      id: concepts.id,
      title: concepts.title,
      status: concepts.status,
      templateVersion: concepts.templateVersion,
      createdAt: concepts.createdAt,
      updatedAt: concepts.updatedAt,
      archivedAt: concepts.archivedAt,
    })
    .from(concepts)
    .where(and(eq(concepts.municipalityId, municipalityId), isNull(concepts.deleteAfter)))
    .orderBy(desc(concepts.updatedAt));
}

/** The municipality's concepts marked for deletion, the soonest purge first (the admins' restore list). */
export async function listConceptsMarkedForDeletion({ municipalityId }: { municipalityId: string }) {
  const db = await getDb();
  return db
    .select({ id: concepts.id, title: concepts.title, deleteAfter: concepts.deleteAfter })
    .from(concepts)
    .where(and(eq(concepts.municipalityId, municipalityId), isNotNull(concepts.deleteAfter)))
    .orderBy(asc(concepts.deleteAfter));
}

/** Archive (by: the admin) or take out of the archive (by: null). */
export async function setConceptArchived({ conceptId, by, at }: { conceptId: string; by: string | null; at: Date | null }, db: Executor) {
  await db.update(concepts).set({ archivedAt: at, archivedBy: by }).where(eq(concepts.id, conceptId));
}

/** Mark for deletion after a moment, or (deleteAfter: null) restore. */
export async function setConceptDeletion({ conceptId, by, deleteAfter }: { conceptId: string; by: string | null; deleteAfter: Date | null }, db: Executor) {
  await db.update(concepts).set({ deleteAfter, deletionRequestedBy: by }).where(eq(concepts.id, conceptId));
}

/** Ids of concepts whose grace period ended by `now`. */
export async function conceptsDueForPurge({ now }: { now: Date }, db?: Executor) {
  const x = db ?? (await getDb());
  return x.select({ id: concepts.id }).from(concepts).where(lte(concepts.deleteAfter, now));
}

/** Delete a concept whose grace period ended (its fields, parts, measures, versions, threads … go with it); the row it was, or null. */
export async function deleteConceptDue({ conceptId, now }: { conceptId: string; now: Date }, db: Executor) {
  const [row] = await db
    .delete(concepts)
    .where(and(eq(concepts.id, conceptId), lte(concepts.deleteAfter, now)))
    .returning({ id: concepts.id, municipalityId: concepts.municipalityId, title: concepts.title });
  return row ?? null;
}

/**
 * What the outline's progress needs, for every concept of a municipality at
 * once (four queries, however many concepts): the fields, the rich-text parts
 * without their content, and sub-goals and measures counted per field.
 */
export async function outlineInputsOfMunicipality({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [fieldRows, sectionRows, goalCounts, measureCounts] = await Promise.all([
    x
      .select({ id: fields.id, conceptId: fields.conceptId, key: fields.key, title: fields.title, custom: fields.custom })
      .from(fields)
      .where(eq(fields.municipalityId, municipalityId))
      .orderBy(asc(fields.conceptId), asc(fields.position)),
    x
      .select({ id: sections.id, conceptId: sections.conceptId, chapter: sections.chapter, part: sections.part, fieldId: sections.fieldId, textLength: sections.textLength })
      .from(sections)
      .where(eq(sections.municipalityId, municipalityId)),
    x
      .select({ conceptId: subGoals.conceptId, fieldId: subGoals.fieldId, n: count() })
      .from(subGoals)
      .where(eq(subGoals.municipalityId, municipalityId))
      .groupBy(subGoals.conceptId, subGoals.fieldId),
    x
      .select({ conceptId: measures.conceptId, fieldId: measures.fieldId, n: count() })
      .from(measures)
      .where(eq(measures.municipalityId, municipalityId))
      .groupBy(measures.conceptId, measures.fieldId),
  ]);
  return { fields: fieldRows, sections: sectionRows, goalCounts, measureCounts };
}

/** A concept by id without any scoping: callers check membership of concept.municipalityId. */
export async function getConceptById({ id }: { id: string }, db?: Executor): Promise<Concept | null> {
  if (!isUuid(id)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(concepts).where(eq(concepts.id, id)).limit(1);
  return row ?? null;
}

export type NewConceptInput = {
  municipalityId: string;
  title: string;
  templateVersion: number;
  createdBy: string;
  settings?: Record<string, unknown>;
  fields: { key: string; title: string; custom: boolean }[];
  sections: { chapter: string; part: string; fieldKey: string | null; content: JSONContent; textLength: number }[];
  subGoals?: { fieldKey: string; text: string }[];
};

/** Insert a concept with its fields and sections inside the caller's transaction. */
export async function insertConcept(tx: Executor, input: NewConceptInput): Promise<Concept> {
  const [concept] = await tx
    .insert(concepts)
    .values({
      municipalityId: input.municipalityId,
      title: input.title,
      templateVersion: input.templateVersion,
      createdBy: input.createdBy,
      settings: input.settings ?? {},
    })
    .returning();
  if (!concept) throw new Error("insert concept returned nothing");
  const fieldRows = input.fields.length
    ? await tx
        .insert(fields)
        .values(input.fields.map((f, i) => ({ ...f, conceptId: concept.id, municipalityId: input.municipalityId, position: i })))
        .returning()
    : [];
  const fieldId = (key: string | null) => {
    if (key === null) return null;
    const row = fieldRows.find((f) => f.key === key);
    if (!row) throw new Error(`unknown field ${key}`);
    return row.id;
  };
  if (input.sections.length) {
    await tx.insert(sections).values(
      input.sections.map((s) => ({
        conceptId: concept.id,
        municipalityId: input.municipalityId,
        fieldId: fieldId(s.fieldKey),
        chapter: s.chapter,
        part: s.part,
        content: s.content,
        textLength: s.textLength,
        updatedBy: input.createdBy,
      })),
    );
  }
  const goals = input.subGoals ?? [];
  if (goals.length) {
    await tx.insert(subGoals).values(
      goals.map((g, i) => ({
        conceptId: concept.id,
        municipalityId: input.municipalityId,
        fieldId: fieldId(g.fieldKey)!,
        text: g.text,
        position: i,
      })),
    );
  }
  return concept;
}

/** Everything of one concept, for the editor page, the JSON export and the API. */
export async function getConceptTree({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [fieldRows, sectionRows, goalRows, measureRows] = await Promise.all([
    x.select().from(fields).where(eq(fields.conceptId, conceptId)).orderBy(asc(fields.position)),
    x.select().from(sections).where(eq(sections.conceptId, conceptId)),
    x.select().from(subGoals).where(eq(subGoals.conceptId, conceptId)).orderBy(asc(subGoals.position)),
    x.select().from(measures).where(eq(measures.conceptId, conceptId)).orderBy(asc(measures.position)),
  ]);
  return { fields: fieldRows, sections: sectionRows, subGoals: goalRows, measures: measureRows };
}

/** Returns why nothing was written (lib/concepts/writable.ts turns it into the user's error), or null. */
export async function updateConceptMetaRow(
  { conceptId, title, settings }: { conceptId: string; title?: string; settings?: Record<string, unknown> },
  db?: Executor,
): Promise<WriteRefusal | null> {
  const x = db ?? (await getDb());
  const rows = await x
    .update(concepts)
    .set({ ...(title !== undefined ? { title } : {}), ...(settings !== undefined ? { settings } : {}), updatedAt: new Date() })
    .where(and(eq(concepts.id, conceptId), ne(concepts.status, "adopted"), isNull(concepts.archivedAt), isNull(concepts.deleteAfter)))
    .returning({ id: concepts.id });
  return rows.length === 0 ? writeRefusal(conceptId, x) : null;
}

/** Why a concept row is not writable: gone or marked for deletion, archived, or adopted. */
export type WriteRefusal = "not_found" | "archived" | "adopted";

/** Why a write found no writable concept row: adopted, archived, or (marked for deletion, gone) not found. */
async function writeRefusal(conceptId: string, db: Executor): Promise<WriteRefusal> {
  const [row] = await db.select({ status: concepts.status, archivedAt: concepts.archivedAt, deleteAfter: concepts.deleteAfter }).from(concepts).where(eq(concepts.id, conceptId));
  if (!row || row.deleteAfter) return "not_found";
  if (row.archivedAt) return "archived";
  return "adopted";
}

/** The concept's row lock that its content writes share (an UPDATE of the row takes the same), before any other. */
export async function lockConceptForWrite({ conceptId }: { conceptId: string }, tx: Executor) {
  await tx.select({ id: concepts.id }).from(concepts).where(eq(concepts.id, conceptId)).for("no key update");
}

/**
 * Mark the concept as changed when it is still writable; returns why not, or
 * null. Callers use lib/concepts/writable.ts `touchConcept`, which throws.
 */
export async function touchConceptRow({ conceptId }: { conceptId: string }, db: Executor): Promise<WriteRefusal | null> {
  const x = db;
  const rows = await x
    .update(concepts)
    .set({ updatedAt: new Date() })
    .where(and(eq(concepts.id, conceptId), ne(concepts.status, "adopted"), isNull(concepts.archivedAt), isNull(concepts.deleteAfter)))
    .returning({ id: concepts.id });
  return rows.length === 0 ? writeRefusal(conceptId, x) : null;
}

export async function addField(
  { conceptId, municipalityId, key, title }: { conceptId: string; municipalityId: string; key: string; title: string },
  tx: Executor,
) {
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${fields.position}) + 1, 0)::int` })
    .from(fields)
    .where(eq(fields.conceptId, conceptId));
  const [row] = await tx.insert(fields).values({ conceptId, municipalityId, key, title, custom: true, position: next }).returning();
  return row!;
}

/** How many own fields of action a concept has (call after touchConcept holds the concept's row lock). */
export async function countCustomFields({ conceptId }: { conceptId: string }, tx: Executor): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(fields).where(and(eq(fields.conceptId, conceptId), eq(fields.custom, true)));
  return row?.n ?? 0;
}

export async function getField({ fieldId, conceptId }: { fieldId: string; conceptId: string }, db?: Executor) {
  if (!isUuid(fieldId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(fields).where(and(eq(fields.id, fieldId), eq(fields.conceptId, conceptId))).limit(1);
  return row ?? null;
}

/** The fields of several concepts (id, concept, key, title, custom), by concept and position. */
export async function listFieldsOfConcepts({ conceptIds }: { conceptIds: string[] }, db?: Executor) {
  if (conceptIds.length === 0) return [];
  const x = db ?? (await getDb());
  return x
    .select({ id: fields.id, conceptId: fields.conceptId, key: fields.key, title: fields.title, custom: fields.custom })
    .from(fields)
    .where(inArray(fields.conceptId, conceptIds))
    .orderBy(asc(fields.conceptId), asc(fields.position), asc(fields.key));
}

export async function deleteField({ fieldId }: { fieldId: string }, tx: Executor) {
  await tx.delete(fields).where(eq(fields.id, fieldId));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * Move a concept to a later template inside the caller's transaction: the new
 * template version and the (empty) parts it adds. Only from `from`, so a
 * concept moved meanwhile is left alone; a part that exists already is kept.
 */
export async function moveConceptTemplate(
  input: { conceptId: string; municipalityId: string; from: number; to: number; sections: { chapter: string; part: string; content: JSONContent }[] },
  tx: Executor,
): Promise<boolean> {
  const moved = await tx
    .update(concepts)
    .set({ templateVersion: input.to, updatedAt: new Date() })
    .where(and(eq(concepts.id, input.conceptId), eq(concepts.municipalityId, input.municipalityId), eq(concepts.templateVersion, input.from)))
    .returning({ id: concepts.id });
  if (!moved.length) return false;
  if (input.sections.length) {
    await tx
      .insert(sections)
      .values(input.sections.map((s) => ({ conceptId: input.conceptId, municipalityId: input.municipalityId, fieldId: null, chapter: s.chapter, part: s.part, content: s.content, textLength: 0 })))
      .onConflictDoNothing();
  }
  return true;
}
