/**
 * The peer comparison with the database: publishing snapshots, consent, and
 * the comparison of a concept. Every function that takes an actor checks the
 * role in the concept's (or municipality's) own municipality itself.
 */
import "server-only";
import { writeAudited } from "@/db/queries/audit";
import { isUuid } from "@/db/queries/concepts";
import {
  countPeerSnapshots,
  getLatestPeerSnapshot,
  getMunicipalityForPeers,
  getPeerConsent,
  getPeerSettings,
  insertPeerSnapshot,
  listAdoptedContributions,
  listSnapshotContributions,
  setPeerConsent,
} from "@/db/queries/peers";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { buildConceptExport, type ConceptExport } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import type { Contribution } from "./anonymity";
import { buildComparison, loadSnapshot, type Comparison, type LoadedSnapshot } from "./compare";
import { type GroupChoice, type PeerGroupDef } from "./groups";
import { conceptMetrics, type ConceptMetrics } from "./metrics";
import { operatorStanding, operatorUnconfirmedMessage } from "./operator";
import { buildSnapshot, type Source } from "./publish";
import { syntheticPeers } from "./synthetic";
import { currentConceptTree } from "@/lib/realtime/store";

export type PublishResult = { id: string; contributors: number; synthetic: number; ms: number };

/**
 * Publish a snapshot now (no actor: called at start, on the schedule, and by
 * publishPeerSnapshot after its operator check). Contributions: the latest
 * adopted version of every consenting municipality, plus the synthetic demo
 * peers when the installation has them switched on.
 */
export async function publishSnapshot({ trigger }: { trigger: "startup" | "operator" | "schedule" | "test" }): Promise<PublishResult> {
  return (await publish(trigger))!;
}

/**
 * The schedule's publish (every process runs the schedule): skipped, returning null, when
 * any process published a snapshot after `skipIfNewerThan`, so several processes publish once.
 */
export async function publishScheduledSnapshot({ trigger, skipIfNewerThan }: { trigger: "startup" | "schedule"; skipIfNewerThan: Date }): Promise<PublishResult | null> {
  return publish(trigger, skipIfNewerThan);
}

async function publish(trigger: string, skipIfNewerThan?: Date): Promise<PublishResult | null> {
  const t0 = performance.now();
  const settings = await getPeerSettings();
  const sources: Source[] = [];
  for (const row of await listAdoptedContributions()) {
    try {
      const metrics = conceptMetrics(row.snapshot as unknown as ConceptExport, row.adoptedAt);
      sources.push({ municipalityId: row.municipalityId, level: row.kind, population: row.population, metrics });
    } catch (error) {
      log.error({ event: "peers.snapshot_unreadable", municipalityId: row.municipalityId, error: errorFields(error) }, "Unlesbarer Versionsstand übersprungen");
    }
  }
  const real = sources.length;
  if (settings.syntheticPeers) for (const p of syntheticPeers()) sources.push({ municipalityId: null, syntheticId: p.id, level: p.level, population: p.population, metrics: p.metrics });
  const result = await publishSources({ trigger, sources, syntheticCount: sources.length - real, secret: settings.secret, skipIfNewerThan });
  return result && { ...result, ms: performance.now() - t0 };
}

/** Store a snapshot of the given contributions (also used by the benchmark with generated municipalities). */
export async function publishSources(input: { trigger: string; sources: Source[]; syntheticCount: number; secret?: string }): Promise<PublishResult>;
export async function publishSources(input: { trigger: string; sources: Source[]; syntheticCount: number; secret?: string; skipIfNewerThan?: Date }): Promise<PublishResult | null>;
export async function publishSources(input: { trigger: string; sources: Source[]; syntheticCount: number; secret?: string; skipIfNewerThan?: Date }): Promise<PublishResult | null> {
  const t0 = performance.now();
  const secret = input.secret ?? (await getPeerSettings()).secret;
  const { groups, contributions } = buildSnapshot(input.sources, secret);
  const snap = await insertPeerSnapshot({
    trigger: input.trigger,
    groups,
    syntheticCount: input.syntheticCount,
    contributions: contributions.map((c, seq) => ({
      seq,
      municipalityId: c.municipalityId,
      memberKey: c.memberKey,
      groupKey: c.groupKey,
      level: c.level,
      metrics: c.metrics as unknown as Record<string, unknown>,
    })),
    skipIfNewerThan: input.skipIfNewerThan,
  });
  return snap && { id: snap.id, contributors: contributions.length, synthetic: input.syntheticCount, ms: performance.now() - t0 };
}

/** Publish the first snapshot when none exists (at start, so that the demo shows a comparison). */
export async function ensurePeerSnapshot(): Promise<PublishResult | null> {
  if ((await countPeerSnapshots()) > 0) return null;
  // Two processes starting together: the second finds the first's snapshot under the lock.
  return publishScheduledSnapshot({ trigger: "startup", skipIfNewerThan: new Date(0) });
}

/** The operator's action: publish a snapshot now. */
export async function publishPeerSnapshot(actor: Actor): Promise<PublishResult> {
  const standing = await operatorStanding(actor);
  if (standing === "unconfirmed") throw new AppError("forbidden", operatorUnconfirmedMessage());
  if (standing !== "operator") throw new AppError("forbidden", "Nur der Betrieb (Operator) darf einen Vergleichsstand veröffentlichen.");
  return publishSnapshot({ trigger: "operator" });
}

const globalForPeers = globalThis as unknown as { konzeptwerkPeerSnapshot?: LoadedSnapshot };

/** The latest published snapshot, loaded once per snapshot id and kept in memory. */
async function latestSnapshot(): Promise<LoadedSnapshot | null> {
  const row = await getLatestPeerSnapshot();
  if (!row) return null;
  const held = globalForPeers.konzeptwerkPeerSnapshot;
  if (held?.id === row.id) return held;
  const contributions: Contribution[] = (await listSnapshotContributions({ snapshotId: row.id })).map((c) => ({
    memberKey: c.memberKey,
    groupKey: c.groupKey,
    level: c.level,
    municipalityId: c.municipalityId,
    metrics: c.metrics as unknown as ConceptMetrics,
  }));
  const loaded = loadSnapshot({ id: row.id, publishedAt: row.createdAt, groups: row.groups as PeerGroupDef[], contributions, syntheticCount: row.syntheticCount });
  globalForPeers.konzeptwerkPeerSnapshot = loaded;
  return loaded;
}

/** The own concept's metrics, from the current draft, through the same code as an adopted version's. */
async function ownMetrics(concept: Parameters<typeof buildConceptExport>[0]["concept"], conceptId: string) {
  const tree = await currentConceptTree(conceptId);
  return conceptMetrics(buildConceptExport({ concept, ...tree }, new Date()), null);
}

/** The comparison of a concept with one of its fixed peer groups (every role of the concept's municipality). */
export async function comparePeers(actor: Actor, input: { conceptId: string; group: GroupChoice }): Promise<Comparison> {
  const { concept } = await requireConcept(actor, input.conceptId, "peers.read");
  const municipality = await getMunicipalityForPeers({ id: concept.municipalityId });
  if (!municipality) throw new AppError("not_found");
  const snapshot = await latestSnapshot();
  if (!snapshot) throw new AppError("not_found", "Es ist noch kein Vergleichsstand veröffentlicht.");
  const own = await ownMetrics(concept, concept.id);
  return buildComparison(snapshot, { municipalityId: municipality.id, level: municipality.kind, population: municipality.population }, input.group, own);
}

/** The groups of the latest snapshot (none before the first), for naming where a shared measure comes from. */
export async function publishedGroups(): Promise<readonly PeerGroupDef[]> {
  return (await latestSnapshot())?.groups ?? [];
}

/** Whether the municipality contributes (admin). */
export async function readPeerConsent(actor: Actor, input: { municipalityId: string }) {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "peers.manage");
  const row = await getPeerConsent({ municipalityId: input.municipalityId });
  return { contribute: row?.contribute ?? false, updatedAt: row?.updatedAt ?? null };
}

/**
 * Give or withdraw the municipality's consent (admin). Withdrawn, its
 * contribution is missing from the next published snapshot.
 */
export async function changePeerConsent(actor: Actor, input: { municipalityId: string; contribute: boolean }) {
  if (!isUuid(input.municipalityId)) throw new AppError("not_found");
  await requireRole(actor, input.municipalityId, "peers.manage");
  const { municipalityId, contribute } = input;
  await writeAudited(
    (tx) => setPeerConsent({ municipalityId, contribute, userId: actor.id }, tx),
    () => ({ municipalityId, actorId: actor.id, action: "peers.consent", details: { contribute: contribute ? "yes" : "no" } }),
  );
  return { contribute: input.contribute };
}
