import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { indicatorValues, measures, measureYearStatus, users, type YearStatus } from "@/db/schema";

export type IndicatorValueRow = {
  id: string;
  measureId: string;
  indicatorId: string;
  observedOn: string;
  valueNumber: string | null;
  valueText: string;
  source: string;
  note: string;
  createdAt: Date;
  createdByName: string | null;
};

/** Every Ist-Wert of a concept, by day and then in the order entered. */
export async function listIndicatorValues({ conceptId }: { conceptId: string }, db?: Executor): Promise<IndicatorValueRow[]> {
  const x = db ?? (await getDb());
  return x
    .select({
      id: indicatorValues.id,
      measureId: indicatorValues.measureId,
      indicatorId: indicatorValues.indicatorId,
      observedOn: indicatorValues.observedOn,
      valueNumber: indicatorValues.valueNumber,
      valueText: indicatorValues.valueText,
      source: indicatorValues.source,
      note: indicatorValues.note,
      createdAt: indicatorValues.createdAt,
      createdByName: users.name,
    })
    .from(indicatorValues)
    .leftJoin(users, eq(users.id, indicatorValues.createdBy))
    .where(eq(indicatorValues.conceptId, conceptId))
    .orderBy(asc(indicatorValues.observedOn), asc(indicatorValues.createdAt), asc(indicatorValues.id));
}

export async function getIndicatorValue({ valueId }: { valueId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(indicatorValues).where(eq(indicatorValues.id, valueId));
  return row ?? null;
}

export async function countIndicatorValues({ measureId, indicatorId }: { measureId: string; indicatorId: string }, db?: Executor): Promise<number> {
  const x = db ?? (await getDb());
  const [row] = await x.select({ n: count() }).from(indicatorValues).where(and(eq(indicatorValues.measureId, measureId), eq(indicatorValues.indicatorId, indicatorId)));
  return row?.n ?? 0;
}

export async function insertIndicatorValue(
  input: {
    conceptId: string;
    municipalityId: string;
    measureId: string;
    indicatorId: string;
    observedOn: string;
    valueNumber: string | null;
    valueText: string;
    source: string;
    note: string;
    userId: string;
  },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const { userId, ...values } = input;
  const [row] = await x.insert(indicatorValues).values({ ...values, createdBy: userId }).returning();
  return row!;
}

/** Delete a value of this concept; true when there was one. */
export async function deleteIndicatorValue({ valueId, conceptId }: { valueId: string; conceptId: string }, db?: Executor): Promise<boolean> {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(indicatorValues)
    .where(and(eq(indicatorValues.id, valueId), eq(indicatorValues.conceptId, conceptId)))
    .returning({ id: indicatorValues.id });
  return rows.length > 0;
}

export type YearStatusRow = { measureId: string; year: number; status: YearStatus; note: string; updatedAt: Date; updatedByName: string | null };

/** Every yearly status of a concept's measures, by measure and year. */
export async function listYearStatuses({ conceptId }: { conceptId: string }, db?: Executor): Promise<YearStatusRow[]> {
  const x = db ?? (await getDb());
  return x
    .select({
      measureId: measureYearStatus.measureId,
      year: measureYearStatus.year,
      status: measureYearStatus.status,
      note: measureYearStatus.note,
      updatedAt: measureYearStatus.updatedAt,
      updatedByName: users.name,
    })
    .from(measureYearStatus)
    .leftJoin(users, eq(users.id, measureYearStatus.updatedBy))
    .where(eq(measureYearStatus.conceptId, conceptId))
    .orderBy(asc(measureYearStatus.measureId), asc(measureYearStatus.year));
}

/** Set a measure's status of a year (a second one replaces it). */
export async function upsertYearStatus(
  input: { conceptId: string; municipalityId: string; measureId: string; year: number; status: YearStatus; note: string; userId: string },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const now = new Date();
  const { userId, ...values } = input;
  await x
    .insert(measureYearStatus)
    .values({ ...values, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({ target: [measureYearStatus.measureId, measureYearStatus.year], set: { status: input.status, note: input.note, updatedBy: userId, updatedAt: now } });
}

/** Remove a measure's status of a year; true when there was one. */
export async function deleteYearStatus({ measureId, year }: { measureId: string; year: number }, db?: Executor): Promise<boolean> {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(measureYearStatus)
    .where(and(eq(measureYearStatus.measureId, measureId), eq(measureYearStatus.year, year)))
    .returning({ year: measureYearStatus.year });
  return rows.length > 0;
}

/** Lock a measure of a concept for a monitoring write and read it (its indicators as they are now); null when it is not this concept's. */
export async function lockMeasureOfConcept({ measureId, conceptId }: { measureId: string; conceptId: string }, db: Executor) {
  const [row] = await db
    .select({ id: measures.id, title: measures.title, indicators: measures.indicators })
    .from(measures)
    .where(and(eq(measures.id, measureId), eq(measures.conceptId, conceptId)))
    .for("update");
  return row ?? null;
}
