import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { isUuid } from "./concepts";
import {
  concepts,
  conceptVersions,
  conceptVersionSnapshots,
  municipalities,
  peerConsents,
  peerLibraryEntries,
  peerSettings,
  peerSnapshotContributions,
  peerSnapshots,
} from "@/db/schema";

/** The installation's peer settings, created on first use (a random secret; synthetic peers off). */
export async function getPeerSettings(db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .insert(peerSettings)
    .values({ id: 1, secret: randomBytes(32).toString("base64url"), syntheticPeers: false })
    .onConflictDoNothing();
  const [row] = await x.select().from(peerSettings).where(eq(peerSettings.id, 1));
  return row!;
}

export async function setSyntheticPeers({ enabled }: { enabled: boolean }, db?: Executor) {
  const x = db ?? (await getDb());
  await getPeerSettings(x);
  await x.update(peerSettings).set({ syntheticPeers: enabled }).where(eq(peerSettings.id, 1));
}

export async function getPeerConsent({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(peerConsents).where(eq(peerConsents.municipalityId, municipalityId));
  return row ?? null;
}

export async function setPeerConsent({ municipalityId, contribute, userId }: { municipalityId: string; contribute: boolean; userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .insert(peerConsents)
    .values({ municipalityId, contribute, updatedBy: userId })
    .onConflictDoUpdate({ target: peerConsents.municipalityId, set: { contribute, updatedBy: userId, updatedAt: new Date() } });
}

/**
 * For every municipality that consents: the snapshot of its latest version
 * with status "adopted" (over all its concepts), with kind and population.
 */
export async function listAdoptedContributions(db?: Executor) {
  const x = db ?? (await getDb());
  const latest = x
    .selectDistinctOn([conceptVersions.municipalityId], {
      versionId: conceptVersions.id,
      municipalityId: conceptVersions.municipalityId,
      createdAt: conceptVersions.createdAt,
    })
    .from(conceptVersions)
    .innerJoin(peerConsents, and(eq(peerConsents.municipalityId, conceptVersions.municipalityId), eq(peerConsents.contribute, true)))
    // A concept marked for deletion no longer speaks for its municipality.
    .innerJoin(concepts, and(eq(concepts.id, conceptVersions.conceptId), isNull(concepts.deleteAfter)))
    .where(eq(conceptVersions.status, "adopted"))
    .orderBy(conceptVersions.municipalityId, desc(conceptVersions.createdAt), desc(conceptVersions.number))
    .as("latest");
  return x
    .select({
      municipalityId: latest.municipalityId,
      adoptedAt: latest.createdAt,
      kind: municipalities.kind,
      population: municipalities.population,
      snapshot: conceptVersionSnapshots.snapshot,
    })
    .from(latest)
    .innerJoin(conceptVersionSnapshots, eq(conceptVersionSnapshots.versionId, latest.versionId))
    .innerJoin(municipalities, eq(municipalities.id, latest.municipalityId));
}

export type NewContribution = typeof peerSnapshotContributions.$inferInsert;

/** Store a snapshot with its contributions in one transaction; keep only the newest `keep` snapshots. */
/** Publishing processes take turns under this lock; with `skipIfNewerThan`, a process that finds a fresh snapshot leaves it at that. */
export const PEER_PUBLISH_LOCK = 7_140_002;

/** The new snapshot, or null when `skipIfNewerThan` is given and another process published after it. */
export async function insertPeerSnapshot(
  input: {
    trigger: string;
    groups: (typeof peerSnapshots.$inferInsert)["groups"];
    syntheticCount: number;
    contributions: Omit<NewContribution, "snapshotId">[];
    skipIfNewerThan?: Date;
  },
  keep = 3,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PEER_PUBLISH_LOCK})`);
    if (input.skipIfNewerThan) {
      const [latest] = await tx.select({ createdAt: peerSnapshots.createdAt }).from(peerSnapshots).orderBy(desc(peerSnapshots.createdAt)).limit(1);
      if (latest && latest.createdAt > input.skipIfNewerThan) return null;
    }
    const [snap] = await tx
      .insert(peerSnapshots)
      .values({ trigger: input.trigger, groups: input.groups, contributors: input.contributions.length, syntheticCount: input.syntheticCount })
      .returning();
    for (let i = 0; i < input.contributions.length; i += 1000) {
      await tx.insert(peerSnapshotContributions).values(input.contributions.slice(i, i + 1000).map((c) => ({ ...c, snapshotId: snap!.id })));
    }
    const newest = await tx.select({ id: peerSnapshots.id }).from(peerSnapshots).orderBy(desc(peerSnapshots.createdAt)).limit(keep);
    await tx.delete(peerSnapshots).where(notInArray(peerSnapshots.id, newest.map((n) => n.id)));
    return snap!;
  });
}

export async function getLatestPeerSnapshot(db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(peerSnapshots).orderBy(desc(peerSnapshots.createdAt)).limit(1);
  return row ?? null;
}

export async function listSnapshotContributions({ snapshotId }: { snapshotId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x.select().from(peerSnapshotContributions).where(eq(peerSnapshotContributions.snapshotId, snapshotId)).orderBy(asc(peerSnapshotContributions.seq));
}

export async function countPeerSnapshots(db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ n: sql<number>`count(*)::int` }).from(peerSnapshots);
  return row?.n ?? 0;
}

// --- measure library --------------------------------------------------------

export async function insertLibraryEntry(input: typeof peerLibraryEntries.$inferInsert, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .insert(peerLibraryEntries)
    .values(input)
    .onConflictDoUpdate({
      target: peerLibraryEntries.measureId,
      set: { title: input.title, description: input.description, fieldKey: input.fieldKey, level: input.level, band: input.band, sharedBy: input.sharedBy, createdAt: new Date() },
    })
    .returning();
  return row!;
}

export async function deleteLibraryEntry({ municipalityId, measureId }: { municipalityId: string; measureId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(peerLibraryEntries)
    .where(and(eq(peerLibraryEntries.municipalityId, municipalityId), eq(peerLibraryEntries.measureId, measureId)))
    .returning({ id: peerLibraryEntries.id });
  return rows.length;
}

/** Shared measure ids of one municipality (to show "geteilt" beside its own measures). */
export async function listSharedMeasureIds({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x.select({ measureId: peerLibraryEntries.measureId }).from(peerLibraryEntries).where(eq(peerLibraryEntries.municipalityId, municipalityId));
  return rows.map((r) => r.measureId).filter((id): id is string => id !== null);
}

/** Library entries of other municipalities, optionally by field and level/bands; never the municipality. */
export async function listLibraryEntries(
  { excludeMunicipalityId, fieldKey, level, bands, limit = 200 }: { excludeMunicipalityId: string; fieldKey?: string; level?: "city" | "county" | "town"; bands?: number[]; limit?: number },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const where = [sql`${peerLibraryEntries.municipalityId} <> ${excludeMunicipalityId}`];
  if (fieldKey) where.push(eq(peerLibraryEntries.fieldKey, fieldKey));
  if (level) where.push(eq(peerLibraryEntries.level, level));
  if (bands?.length) where.push(inArray(peerLibraryEntries.band, bands));
  return x
    .select({
      id: peerLibraryEntries.id,
      fieldKey: peerLibraryEntries.fieldKey,
      level: peerLibraryEntries.level,
      band: peerLibraryEntries.band,
      title: peerLibraryEntries.title,
      description: peerLibraryEntries.description,
    })
    .from(peerLibraryEntries)
    .where(and(...where))
    .orderBy(asc(peerLibraryEntries.fieldKey), asc(peerLibraryEntries.title))
    .limit(limit);
}

/** One library entry by id, with its municipality (for the visibility check; never passed on). */
export async function getLibraryEntry({ id }: { id: string }, db?: Executor) {
  if (!isUuid(id)) return null;
  const x = db ?? (await getDb());
  const [row] = await x
    .select({
      id: peerLibraryEntries.id,
      municipalityId: peerLibraryEntries.municipalityId,
      fieldKey: peerLibraryEntries.fieldKey,
      title: peerLibraryEntries.title,
      description: peerLibraryEntries.description,
      createdAt: peerLibraryEntries.createdAt,
    })
    .from(peerLibraryEntries)
    .where(eq(peerLibraryEntries.id, id))
    .limit(1);
  return row ?? null;
}

export async function getMunicipalityForPeers({ id }: { id: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: municipalities.id, name: municipalities.name, kind: municipalities.kind, population: municipalities.population })
    .from(municipalities)
    .where(eq(municipalities.id, id))
    .limit(1);
  return row ?? null;
}
