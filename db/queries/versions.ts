import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { concepts, conceptVersions, conceptVersionSnapshots, users } from "@/db/schema";

const listColumns = {
  id: conceptVersions.id,
  number: conceptVersions.number,
  label: conceptVersions.label,
  kind: conceptVersions.kind,
  status: conceptVersions.status,
  restoredFrom: conceptVersions.restoredFrom,
  decisionDate: conceptVersions.decisionDate,
  decisionReference: conceptVersions.decisionReference,
  hashes: conceptVersions.hashes,
  createdAt: conceptVersions.createdAt,
  createdByName: users.name,
};

export type VersionRow = {
  id: string;
  number: number;
  label: string;
  kind: string;
  status: string;
  restoredFrom: number | null;
  decisionDate: string | null;
  decisionReference: string | null;
  hashes: Record<string, string>;
  createdAt: Date;
  createdByName: string | null;
};

/** The concepts of a municipality that have an adopted version (a draft of theirs is a Fortschreibung). */
export async function conceptsWithAdoptedVersion({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<Set<string>> {
  const x = db ?? (await getDb());
  const rows = await x
    .selectDistinct({ conceptId: conceptVersions.conceptId })
    .from(conceptVersions)
    .where(and(eq(conceptVersions.municipalityId, municipalityId), eq(conceptVersions.status, "adopted")));
  return new Set(rows.map((r) => r.conceptId));
}

/** Every version of a concept, newest first — without snapshots. */
export async function listVersionRows({ conceptId }: { conceptId: string }, db?: Executor): Promise<VersionRow[]> {
  const x = db ?? (await getDb());
  return x
    .select(listColumns)
    .from(conceptVersions)
    .leftJoin(users, eq(users.id, conceptVersions.createdBy))
    .where(eq(conceptVersions.conceptId, conceptId))
    .orderBy(desc(conceptVersions.number));
}

export async function getVersionRow({ conceptId, number }: { conceptId: string; number: number }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ ...listColumns, snapshot: conceptVersionSnapshots.snapshot, ids: conceptVersionSnapshots.ids, staffCostRate: conceptVersions.staffCostRate })
    .from(conceptVersions)
    .innerJoin(conceptVersionSnapshots, eq(conceptVersionSnapshots.versionId, conceptVersions.id))
    .leftJoin(users, eq(users.id, conceptVersions.createdBy))
    .where(and(eq(conceptVersions.conceptId, conceptId), eq(conceptVersions.number, number)))
    .limit(1);
  return row ?? null;
}

/** Lock the concept row for the rest of the transaction: version numbers, snapshots and restores of one concept run one at a time. */
export async function lockConcept({ conceptId }: { conceptId: string }, tx: Executor) {
  const [row] = await tx.select().from(concepts).where(eq(concepts.id, conceptId)).for("update");
  return row ?? null;
}

export async function insertVersion(
  input: {
    conceptId: string;
    municipalityId: string;
    /** the label, given the number the version gets */
    label: (number: number) => string;
    kind: string;
    status: string;
    restoredFrom?: number | null;
    decision?: { date: string; reference: string } | null;
    hashes: Record<string, string>;
    /** the municipality's personnel cost rate at this moment (null inside: none set) */
    staffCostRate: { perFteCents: number | null };
    createdBy: string;
    /** only for seeded history; otherwise now */
    createdAt?: Date;
    snapshot: Record<string, unknown>;
    ids: { fields: string[]; subGoals: string[]; measures: string[] };
  },
  tx: Executor,
) {
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${conceptVersions.number}) + 1, 1)::int` })
    .from(conceptVersions)
    .where(eq(conceptVersions.conceptId, input.conceptId));
  const [row] = await tx
    .insert(conceptVersions)
    .values({
      conceptId: input.conceptId,
      municipalityId: input.municipalityId,
      number: next,
      label: input.label(next),
      kind: input.kind,
      status: input.status,
      restoredFrom: input.restoredFrom ?? null,
      decisionDate: input.decision?.date ?? null,
      decisionReference: input.decision?.reference ?? null,
      hashes: input.hashes,
      staffCostRate: input.staffCostRate,
      createdBy: input.createdBy,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning({ id: conceptVersions.id, number: conceptVersions.number, createdAt: conceptVersions.createdAt });
  await tx.insert(conceptVersionSnapshots).values({ versionId: row!.id, snapshot: input.snapshot, ids: input.ids });
  return row!;
}

export async function setConceptStatus({ conceptId, status }: { conceptId: string; status: string }, tx: Executor) {
  await tx.update(concepts).set({ status, updatedAt: new Date() }).where(eq(concepts.id, conceptId));
}
