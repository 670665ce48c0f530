import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { fields, measures, subGoals, type Measure, type MeasureOrigin, type NewMeasure, type SubGoal } from "@/db/schema";
import { isUuid } from "./concepts";

/** The editable content of a measure (everything but ids, position and bookkeeping). */
export type MeasureContent = Pick<
  NewMeasure,
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
  | "indicators"
>;

/* ---------- measures ---------- */

/** The name of the unique index on (concept, lower(code)) in db/schema.ts. */
const CODE_INDEX = "measures_concept_code_idx";

/** A unique violation of the code index, wherever the driver put it in the error's cause chain. */
export function isCodeIndexViolation(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint, constraint_name, message } = e as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown };
    if (code === "23505" && (constraint === CODE_INDEX || constraint_name === CODE_INDEX || (typeof message === "string" && message.includes(CODE_INDEX)))) return true;
  }
  return false;
}

/** Another measure of the concept with this code (ignoring case), if any; `exceptId` is the measure being saved. */
export async function measureWithCode(
  { conceptId, code, exceptId }: { conceptId: string; code: string; exceptId?: string },
  db?: Executor,
): Promise<Pick<Measure, "id" | "title" | "code"> | null> {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: measures.id, title: measures.title, code: measures.code })
    .from(measures)
    .where(
      and(
        eq(measures.conceptId, conceptId),
        sql`lower(${measures.code}) = lower(${code})`,
        sql`${measures.code} <> ''`,
        exceptId ? sql`${measures.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Measures of a concept, or of one field of it, in their order. */
export async function listMeasures({ conceptId, fieldId }: { conceptId: string; fieldId?: string }, db?: Executor): Promise<Measure[]> {
  const x = db ?? (await getDb());
  return x
    .select()
    .from(measures)
    .where(fieldId ? and(eq(measures.conceptId, conceptId), eq(measures.fieldId, fieldId)) : eq(measures.conceptId, conceptId))
    .orderBy(asc(measures.fieldId), asc(measures.position), asc(measures.id));
}

/** A measure by id without scoping: callers compare measure.conceptId with the concept they checked. */
export async function getMeasure({ measureId }: { measureId: string }, db?: Executor): Promise<Measure | null> {
  if (!isUuid(measureId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(measures).where(eq(measures.id, measureId)).limit(1);
  return row ?? null;
}

/**
 * Lock a field's row until the transaction ends, so that concurrent inserts and
 * moves of its measures and sub-goals see each other's positions.
 */
export async function lockField({ fieldId }: { fieldId: string }, tx: Executor) {
  await tx.select({ id: fields.id }).from(fields).where(eq(fields.id, fieldId)).for("update");
}

/** Insert a measure at the end of its field (position = max + 1); `origin` only for one taken from the peer library. */
export async function insertMeasure(
  input: { conceptId: string; municipalityId: string; fieldId: string; userId: string; content: MeasureContent; origin?: MeasureOrigin | null },
  tx: Executor,
): Promise<Measure> {
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${measures.position}) + 1, 0)::int` })
    .from(measures)
    .where(eq(measures.fieldId, input.fieldId));
  const [row] = await tx
    .insert(measures)
    .values({
      ...input.content,
      conceptId: input.conceptId,
      municipalityId: input.municipalityId,
      fieldId: input.fieldId,
      position: next,
      origin: input.origin ?? null,
      updatedBy: input.userId,
    })
    .returning();
  if (!row) throw new Error("insert measure returned nothing");
  return row;
}

/**
 * Compare-and-set write of a measure's content: succeeds only while the stored
 * revision is still the one the form started from. Returns the new row, or null
 * on a conflict (or when the measure is gone).
 */
export async function updateMeasureIfRevision(
  input: { measureId: string; baseRevision: number; userId: string; content: MeasureContent },
  db: Executor,
): Promise<Measure | null> {
  const [row] = await db
    .update(measures)
    .set({ ...input.content, revision: input.baseRevision + 1, updatedBy: input.userId, updatedAt: new Date() })
    .where(and(eq(measures.id, input.measureId), eq(measures.revision, input.baseRevision)))
    .returning();
  return row ?? null;
}

export async function deleteMeasure({ measureId }: { measureId: string }, db: Executor) {
  await db.delete(measures).where(eq(measures.id, measureId));
}

/** Renumber a field's measures 0..n-1 (keeps their order); writes only rows whose position changes. */
export async function normaliseMeasurePositions({ fieldId }: { fieldId: string }, tx: Executor) {
  await tx.execute(sql`
    update ${measures} set position = ordered.rn
    from (
      select id, (row_number() over (order by position, id) - 1)::int as rn
      from ${measures} where field_id = ${fieldId}
    ) as ordered
    where ${measures.id} = ordered.id and ${measures.position} <> ordered.rn`);
}

/** The measure before ("up") or after ("down") a position within a field, or null at the edge. */
export async function neighbourMeasure(
  { fieldId, position, direction }: { fieldId: string; position: number; direction: "up" | "down" },
  tx: Executor,
): Promise<{ id: string; position: number } | null> {
  const [row] = await tx
    .select({ id: measures.id, position: measures.position })
    .from(measures)
    .where(
      and(
        eq(measures.fieldId, fieldId),
        direction === "up" ? sql`${measures.position} < ${position}` : sql`${measures.position} > ${position}`,
      ),
    )
    .orderBy(direction === "up" ? sql`${measures.position} desc` : asc(measures.position))
    .limit(1);
  return row ?? null;
}

/** Exchange the positions of two measures (position is not content: the revision stays). */
export async function swapMeasurePositions(
  { a, b }: { a: { id: string; position: number }; b: { id: string; position: number } },
  tx: Executor,
) {
  await tx.update(measures).set({ position: b.position }).where(eq(measures.id, a.id));
  await tx.update(measures).set({ position: a.position }).where(eq(measures.id, b.id));
}

/* ---------- sub-goals ---------- */

/** Sub-goals of a concept, or of one field of it, in their order. */
export async function listSubGoals({ conceptId, fieldId }: { conceptId: string; fieldId?: string }, db?: Executor): Promise<SubGoal[]> {
  const x = db ?? (await getDb());
  return x
    .select()
    .from(subGoals)
    .where(fieldId ? and(eq(subGoals.conceptId, conceptId), eq(subGoals.fieldId, fieldId)) : eq(subGoals.conceptId, conceptId))
    .orderBy(asc(subGoals.fieldId), asc(subGoals.position), asc(subGoals.id));
}

/** A sub-goal by id without scoping: callers compare subGoal.conceptId with the concept they checked. */
export async function getSubGoal({ subGoalId }: { subGoalId: string }, db?: Executor): Promise<SubGoal | null> {
  if (!isUuid(subGoalId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(subGoals).where(eq(subGoals.id, subGoalId)).limit(1);
  return row ?? null;
}

/** Of the given ids, those that are sub-goals of this field (of this concept). */
export async function subGoalIdsInField(
  { conceptId, fieldId, ids }: { conceptId: string; fieldId: string; ids: string[] },
  db?: Executor,
): Promise<string[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const x = db ?? (await getDb());
  const rows = await x
    .select({ id: subGoals.id })
    .from(subGoals)
    .where(and(eq(subGoals.conceptId, conceptId), eq(subGoals.fieldId, fieldId), inArray(subGoals.id, valid)));
  return rows.map((r) => r.id);
}

/** Insert a sub-goal at the end of its field (position = max + 1). */
export async function insertSubGoal(
  input: { conceptId: string; municipalityId: string; fieldId: string; text: string },
  tx: Executor,
): Promise<SubGoal> {
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${subGoals.position}) + 1, 0)::int` })
    .from(subGoals)
    .where(eq(subGoals.fieldId, input.fieldId));
  const [row] = await tx.insert(subGoals).values({ ...input, position: next }).returning();
  if (!row) throw new Error("insert sub-goal returned nothing");
  return row;
}

export async function updateSubGoalText({ subGoalId, text }: { subGoalId: string; text: string }, db: Executor): Promise<SubGoal | null> {
  const [row] = await db.update(subGoals).set({ text }).where(eq(subGoals.id, subGoalId)).returning();
  return row ?? null;
}

/**
 * Delete a sub-goal and unlink it from the concept's measures. A measure that
 * loses the link gets a new revision, so a form still holding it meets a conflict.
 */
export async function deleteSubGoal({ subGoalId, conceptId }: { subGoalId: string; conceptId: string }, tx: Executor) {
  await tx
    .update(measures)
    .set({
      subGoalIds: sql`${measures.subGoalIds} - ${subGoalId}::text`,
      revision: sql`${measures.revision} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(measures.conceptId, conceptId), sql`${measures.subGoalIds} @> jsonb_build_array(${subGoalId}::text)`));
  await tx.delete(subGoals).where(eq(subGoals.id, subGoalId));
}

/** Renumber a field's sub-goals 0..n-1 (keeps their order); writes only rows whose position changes. */
export async function normaliseSubGoalPositions({ fieldId }: { fieldId: string }, tx: Executor) {
  await tx.execute(sql`
    update ${subGoals} set position = ordered.rn
    from (
      select id, (row_number() over (order by position, id) - 1)::int as rn
      from ${subGoals} where field_id = ${fieldId}
    ) as ordered
    where ${subGoals.id} = ordered.id and ${subGoals.position} <> ordered.rn`);
}

/** The sub-goal before ("up") or after ("down") a position within a field, or null at the edge. */
export async function neighbourSubGoal(
  { fieldId, position, direction }: { fieldId: string; position: number; direction: "up" | "down" },
  tx: Executor,
): Promise<{ id: string; position: number } | null> {
  const [row] = await tx
    .select({ id: subGoals.id, position: subGoals.position })
    .from(subGoals)
    .where(
      and(
        eq(subGoals.fieldId, fieldId),
        direction === "up" ? sql`${subGoals.position} < ${position}` : sql`${subGoals.position} > ${position}`,
      ),
    )
    .orderBy(direction === "up" ? sql`${subGoals.position} desc` : asc(subGoals.position))
    .limit(1);
  return row ?? null;
}

/** Exchange the positions of two sub-goals. */
export async function swapSubGoalPositions(
  { a, b }: { a: { id: string; position: number }; b: { id: string; position: number } },
  tx: Executor,
) {
  await tx.update(subGoals).set({ position: b.position }).where(eq(subGoals.id, a.id));
  await tx.update(subGoals).set({ position: a.position }).where(eq(subGoals.id, b.id));
}

/** How many measures a concept has (for the limit per concept; call after touchConcept holds the concept's row lock). */
export async function countMeasures({ conceptId }: { conceptId: string }, tx: Executor): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(measures).where(eq(measures.conceptId, conceptId));
  return row?.n ?? 0;
}

/** How many sub-goals a concept has (as countMeasures). */
export async function countSubGoals({ conceptId }: { conceptId: string }, tx: Executor): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(subGoals).where(eq(subGoals.conceptId, conceptId));
  return row?.n ?? 0;
}
