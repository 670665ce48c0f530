import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { keyFigures, type KeyFigure } from "@/db/schema";

/** Every key figure value of a concept, by name and year. */
export async function listKeyFigures({ conceptId }: { conceptId: string }, db?: Executor): Promise<KeyFigure[]> {
  const x = db ?? (await getDb());
  return x.select().from(keyFigures).where(eq(keyFigures.conceptId, conceptId)).orderBy(asc(keyFigures.name), asc(keyFigures.year), asc(keyFigures.id));
}

export async function getKeyFigure({ keyFigureId }: { keyFigureId: string }, db?: Executor): Promise<KeyFigure | null> {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(keyFigures).where(eq(keyFigures.id, keyFigureId));
  return row ?? null;
}

export type KeyFigureInsert = {
  conceptId: string;
  municipalityId: string;
  name: string;
  unit: string;
  year: number;
  referenceDate: string | null;
  value: string;
  source: string;
  createdBy: string | null;
};

/** Set a figure's value of a year (a second one for the same name and year replaces it). */
export async function upsertKeyFigure(input: KeyFigureInsert, db?: Executor): Promise<KeyFigure> {
  const x = db ?? (await getDb());
  const [row] = await x
    .insert(keyFigures)
    .values(input)
    .onConflictDoUpdate({
      target: [keyFigures.conceptId, keyFigures.name, keyFigures.year],
      set: { unit: input.unit, referenceDate: input.referenceDate, value: input.value, source: input.source, createdBy: input.createdBy, createdAt: new Date() },
    })
    .returning();
  return row!;
}

/** Insert many rows at once (an import). */
export async function insertKeyFigures(rows: KeyFigureInsert[], db: Executor): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insert(keyFigures).values(rows.slice(i, i + 500));
}

/** Delete a value of this concept; the deleted row, or null when there was none. */
export async function deleteKeyFigure({ keyFigureId, conceptId }: { keyFigureId: string; conceptId: string }, db?: Executor): Promise<KeyFigure | null> {
  const x = db ?? (await getDb());
  const [row] = await x.delete(keyFigures).where(and(eq(keyFigures.id, keyFigureId), eq(keyFigures.conceptId, conceptId))).returning();
  return row ?? null;
}
