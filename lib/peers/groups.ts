/**
 * The fixed partition of peer groups (DESIGN.md "Peer comparison and anonymity"):
 * administrative level × size band by population. A band with too few
 * contributors is merged with its neighbour (never shown alone); the merged
 * partition is fixed per published snapshot. Pure: no database.
 */
import type { MunicipalityKind } from "@/db/schema";

export const LEVELS = ["city", "county", "town"] as const satisfies readonly MunicipalityKind[];
export type Level = (typeof LEVELS)[number];

/** Lower bounds of the size bands per level (the first band starts at 0). */
export const BAND_BOUNDS: Record<Level, readonly number[]> = {
  city: [0, 100_000, 250_000, 500_000],
  county: [0, 150_000, 250_000, 400_000],
  town: [0, 10_000, 20_000, 50_000],
};

export const LEVEL_PLURAL: Record<Level, string> = {
  city: "Kreisfreie Städte",
  county: "Landkreise",
  town: "Kreisangehörige Gemeinden",
};

export const LEVEL_SINGULAR: Record<Level, string> = {
  city: "eine kreisfreie Stadt",
  county: "ein Landkreis",
  town: "eine kreisangehörige Gemeinde",
};

/** The three groups a viewer may choose (no free filter combinations). */
export const GROUP_CHOICES = ["own", "level", "all"] as const;
export type GroupChoice = (typeof GROUP_CHOICES)[number];

export function isGroupChoice(value: unknown): value is GroupChoice {
  return typeof value === "string" && (GROUP_CHOICES as readonly string[]).includes(value);
}

export function bandOf(level: Level, population: number): number {
  const bounds = BAND_BOUNDS[level];
  let band = 0;
  for (let i = 0; i < bounds.length; i++) if (population >= bounds[i]!) band = i;
  return band;
}

const num = (n: number) => n.toLocaleString("de-DE");

/** "100.000–250.000 Einwohner" for a run of consecutive bands. */
export function bandRangeLabel(level: Level, from: number, to: number): string {
  const bounds = BAND_BOUNDS[level];
  const low = bounds[from]!;
  const high = bounds[to + 1];
  if (low === 0 && high === undefined) return "alle Größen";
  if (low === 0) return `unter ${num(high!)} Einwohner`;
  if (high === undefined) return `${num(low)} Einwohner und mehr`;
  return `${num(low)}–${num(high)} Einwohner`;
}

/** One group of a snapshot's partition: a level and a run of consecutive bands. */
export type PeerGroupDef = { key: string; level: Level; from: number; to: number };

export const groupKey = (level: Level, from: number, to: number) => `${level}:${from}-${to}`;

/**
 * Merge each level's bands so that every group has at least `min` contributors:
 * a band below `min` joins its smaller neighbour, repeatedly. A level with
 * fewer than `min` contributors in total stays one group (its figures are then
 * suppressed by the rules, never shown alone).
 */
export function mergeBands(counts: Record<Level, number[]>, min: number): PeerGroupDef[] {
  const groups: PeerGroupDef[] = [];
  for (const level of LEVELS) {
    let runs = BAND_BOUNDS[level].map((_, i) => ({ from: i, to: i, n: counts[level][i] ?? 0 }));
    for (;;) {
      if (runs.length <= 1) break;
      const idx = runs.findIndex((r) => r.n < min);
      if (idx < 0) break;
      const left = runs[idx - 1];
      const right = runs[idx + 1];
      const mergeWith = !left ? idx + 1 : !right ? idx - 1 : left.n <= right.n ? idx - 1 : idx + 1;
      const a = Math.min(idx, mergeWith);
      const merged = { from: runs[a]!.from, to: runs[a + 1]!.to, n: runs[a]!.n + runs[a + 1]!.n };
      runs = [...runs.slice(0, a), merged, ...runs.slice(a + 2)];
    }
    for (const r of runs) groups.push({ key: groupKey(level, r.from, r.to), level, from: r.from, to: r.to });
  }
  return groups;
}

export function findGroup(groups: readonly PeerGroupDef[], level: Level, population: number): PeerGroupDef {
  const band = bandOf(level, population);
  const group = groups.find((g) => g.level === level && g.from <= band && band <= g.to);
  if (!group) throw new Error(`no group for ${level} ${population}`);
  return group;
}

/** "Landkreise mit 150.000–250.000 Einwohnern" */
export function groupLabel(g: Pick<PeerGroupDef, "level" | "from" | "to">): string {
  const bounds = BAND_BOUNDS[g.level];
  const low = bounds[g.from]!;
  const high = bounds[g.to + 1];
  const plural = LEVEL_PLURAL[g.level];
  if (low === 0 && high === undefined) return `${plural} aller Größen`;
  if (low === 0) return `${plural} mit weniger als ${num(high!)} Einwohnern`;
  if (high === undefined) return `${plural} mit ${num(low)} und mehr Einwohnern`;
  return `${plural} mit ${num(low)}–${num(high)} Einwohnern`;
}

/** "eine kreisfreie Stadt, 100.000–250.000 Einwohner": how the library names a contributor. */
export function contributorLabel(g: Pick<PeerGroupDef, "level" | "from" | "to">): string {
  const range = bandRangeLabel(g.level, g.from, g.to);
  return range === "alle Größen" ? LEVEL_SINGULAR[g.level] : `${LEVEL_SINGULAR[g.level]}, ${range}`;
}

/**
 * Where a shared measure comes from, as others read it: the published snapshot's group its band lies in (a band
 * merged with its neighbours is named with them, never alone), the level alone while no snapshot names one.
 */
export function originLabel(groups: readonly PeerGroupDef[], level: Level, band: number): string {
  const group = groups.find((g) => g.level === level && g.from <= band && band <= g.to);
  return contributorLabel(group ?? { level, from: 0, to: BAND_BOUNDS[level].length - 1 });
}

export function choiceLabel(choice: GroupChoice, own: PeerGroupDef): string {
  if (choice === "own") return groupLabel(own);
  if (choice === "level") return `${LEVEL_PLURAL[own.level]} aller Größen`;
  return "Alle Kommunen";
}
