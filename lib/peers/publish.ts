/**
 * Building a snapshot's contributions and its fixed partition (pure). The
 * partition merges bands so that every group has MIN_PEERS + 1 contributors
 * where the level has enough (five peers besides any viewer).
 */
import { createHmac } from "node:crypto";
import { MIN_PEERS, type Contribution } from "./anonymity";
import { bandOf, BAND_BOUNDS, findGroup, LEVELS, mergeBands, type Level, type PeerGroupDef } from "./groups";
import type { ConceptMetrics } from "./metrics";

export type Source = { municipalityId: string | null; syntheticId?: string; level: Level; population: number; metrics: ConceptMetrics };

/** A pseudonymous uint32 per municipality, stable across snapshots for the installation's secret. */
export function memberKey(salt: string, id: string): number {
  return createHmac("sha256", salt).update(id).digest().readUInt32BE(0);
}

export function buildSnapshot(sources: readonly Source[], salt: string): { groups: PeerGroupDef[]; contributions: Contribution[] } {
  const counts = Object.fromEntries(LEVELS.map((l) => [l, BAND_BOUNDS[l].map(() => 0)])) as Record<Level, number[]>;
  for (const s of sources) counts[s.level][bandOf(s.level, s.population)]! += 1;
  const groups = mergeBands(counts, MIN_PEERS + 1);
  const contributions = sources.map((s) => ({
    memberKey: memberKey(salt, s.municipalityId ?? s.syntheticId ?? "?"),
    groupKey: findGroup(groups, s.level, s.population).key,
    level: s.level,
    municipalityId: s.municipalityId,
    metrics: s.metrics,
  }));
  return { groups, contributions };
}
