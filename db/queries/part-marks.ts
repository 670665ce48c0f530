import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { partMarks, users } from "@/db/schema";

export type PartRef = { chapter: string; part: string; fieldId: string | null };
export type PartMarkRow = PartRef & { conceptId: string; markedAt: Date; markedByName: string | null };

const samePart = (conceptId: string, ref: PartRef) =>
  and(
    eq(partMarks.conceptId, conceptId),
    eq(partMarks.chapter, ref.chapter),
    eq(partMarks.part, ref.part),
    ref.fieldId ? eq(partMarks.fieldId, ref.fieldId) : isNull(partMarks.fieldId),
  );

const columns = {
  conceptId: partMarks.conceptId,
  chapter: partMarks.chapter,
  part: partMarks.part,
  fieldId: partMarks.fieldId,
  markedAt: partMarks.markedAt,
  markedByName: users.name,
};

/** The parts of a concept marked "fertig", with who marked them. */
export async function listPartMarks({ conceptId }: { conceptId: string }, db?: Executor): Promise<PartMarkRow[]> {
  const x = db ?? (await getDb());
  return x
    .select(columns)
    .from(partMarks)
    .leftJoin(users, eq(users.id, partMarks.markedBy))
    .where(eq(partMarks.conceptId, conceptId))
    .orderBy(asc(partMarks.markedAt), asc(partMarks.id));
}

/** The "fertig" marks of every concept of a municipality (the dashboard's progress). */
export async function listPartMarksOfMunicipality({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<PartMarkRow[]> {
  const x = db ?? (await getDb());
  return x
    .select(columns)
    .from(partMarks)
    .leftJoin(users, eq(users.id, partMarks.markedBy))
    .where(eq(partMarks.municipalityId, municipalityId))
    .orderBy(asc(partMarks.markedAt), asc(partMarks.id));
}

/** Mark a part "fertig"; false when it already was (the first mark and its author stay). */
export async function insertPartMark(input: PartRef & { conceptId: string; municipalityId: string; userId: string }, db: Executor): Promise<boolean> {
  const rows = await db
    .insert(partMarks)
    .values({ conceptId: input.conceptId, municipalityId: input.municipalityId, fieldId: input.fieldId, chapter: input.chapter, part: input.part, markedBy: input.userId })
    .onConflictDoNothing()
    .returning({ id: partMarks.id });
  return rows.length > 0;
}

/** Take a "fertig" mark back; false when the part was not marked. */
export async function deletePartMark(input: PartRef & { conceptId: string }, db: Executor): Promise<boolean> {
  const rows = await db.delete(partMarks).where(samePart(input.conceptId, input)).returning({ id: partMarks.id });
  return rows.length > 0;
}
