/**
 * Synthetic demo peers, so that a new installation shows a meaningful
 * comparison. Deterministic (seeded): the same list on every start.
 *
 * Structure: one synthetic counterpart per German Kreis (level and population
 * jittered by ±10 % from the package `landkreise-deutschland`, CC BY 4.0
 * Destatis; never its name) and 600 kreisangehörige Gemeinden in the size
 * classes of the BBSR town types. About a third of all municipalities have a
 * written concept, mostly kreisfreie Städte and Landkreise; only those
 * contribute. Concept metrics follow the survey of 92 municipalities
 * (Schammann et al. 2020): language a focus for more than half, work and
 * training about 40 %, participation more than a third, education and housing
 * each more than a quarter, health 14 %; about a third address the whole
 * society; nearly half first written after 2015.
 */
import { FUNDING_SOURCES } from "@/lib/measures/labels";
import type { OrgModel } from "@/lib/concepts/setting-labels";
import { loadDistricts } from "./districts";
import type { Level } from "./groups";
import { FIELD_KEYS, type ConceptMetrics, type FundingSource } from "./metrics";

export type SyntheticPeer = { id: string; level: Level; population: number; metrics: ConceptMetrics };

/** Survey shares per field of action (Schammann et al. 2020). */
export const SURVEY_FIELD_SHARES: Record<string, number> = {
  language: 0.55,
  work: 0.4,
  participation: 0.36,
  education: 0.28,
  housing: 0.27,
  health: 0.14,
};

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

function syntheticMetrics(rand: () => number): ConceptMetrics {
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const pick = <T>(options: [T, number][]): T => {
    let r = rand();
    for (const [value, p] of options) {
      if ((r -= p) < 0) return value;
    }
    return options[options.length - 1]![0];
  };
  const fields: ConceptMetrics["fields"] = {};
  let measures = 0;
  for (const key of FIELD_KEYS) {
    const covered = rand() < (SURVEY_FIELD_SHARES[key] ?? 0.3);
    const n = covered ? 1 + Math.floor(-Math.log(1 - rand()) * 3.5) : 0;
    fields[key] = { covered, measures: Math.min(n, 25) };
    measures += fields[key].measures;
  }
  const share = (mean: number, sd: number) => (measures ? Math.round(clamp01(normal(mean, sd)) * measures) / measures : null);
  const budgetEuro = measures * Math.exp(normal(Math.log(20_000), 0.8));
  const mixBase: Record<FundingSource, number> = { municipal: 0.45, state: 0.25, federal: 0.15, eu: 0.05, thirdParty: 0.1 };
  const weights = FUNDING_SOURCES.map((s) => Math.max(0, mixBase[s] * Math.exp(normal(0, 0.6)) * (rand() < 0.15 ? 0 : 1)));
  const wsum = weights.reduce((a, b) => a + b, 0) || 1;
  const fundingCents = Object.fromEntries(FUNDING_SOURCES.map((s, i) => [s, Math.round((budgetEuro * weights[i]!) / wsum) * 100])) as Record<FundingSource, number>;
  const startYear = rand() < 0.48 ? 2016 + Math.floor(rand() * 9) : 2005 + Math.floor(rand() * 11);
  return {
    fields,
    measures,
    shares: { leadOffice: share(0.7, 0.2), indicator: share(0.35, 0.2), budget: share(0.5, 0.2), voluntary: share(0.65, 0.15) },
    fundingCents,
    orgModel: pick<OrgModel | null>([
      ["staff_unit", 0.35],
      ["integration_centre", 0.3],
      ["migration_office", 0.2],
      ["other", 0.1],
      [null, 0.05],
    ]),
    wholeSociety: pick<boolean | null>([
      [true, 0.33],
      [false, 0.55],
      [null, 0.12],
    ]),
    startYear,
    updateCycleYears: pick<number | null>([
      [5, 0.4],
      [3, 0.25],
      [4, 0.1],
      [null, 0.25],
    ]),
  };
}

/** Share of municipalities with a written concept, by level and size (about a third overall). */
function hasConcept(level: Level, population: number, rand: () => number): boolean {
  if (level === "city") return rand() < 0.6;
  if (level === "county") return rand() < 0.5;
  const p = population < 10_000 ? 0.1 : population < 20_000 ? 0.25 : population < 50_000 ? 0.45 : 0.7;
  return rand() < p;
}

/** The contributing synthetic peers (several hundred), deterministic for a seed. */
export function syntheticPeers(seed = 2020): SyntheticPeer[] {
  const rand = prng(seed);
  const out: SyntheticPeer[] = [];
  let i = 0;
  for (const d of loadDistricts()) {
    const population = Math.round(d.population * (0.9 + 0.2 * rand()));
    if (hasConcept(d.level, population, rand)) out.push({ id: `synthetic-${i}`, level: d.level, population, metrics: syntheticMetrics(rand) });
    i++;
  }
  // kreisangehörige Gemeinden: size classes of the BBSR town types
  const classes: [number, number, number][] = [
    [2_000, 10_000, 0.55],
    [10_000, 20_000, 0.2],
    [20_000, 50_000, 0.17],
    [50_000, 180_000, 0.08],
  ];
  for (let t = 0; t < 600; t++) {
    let r = rand();
    let cls = classes[classes.length - 1]!;
    for (const c of classes) {
      if ((r -= c[2]) < 0) {
        cls = c;
        break;
      }
    }
    const population = Math.round(cls[0] + (cls[1] - cls[0]) * rand() ** 1.5);
    if (hasConcept("town", population, rand)) out.push({ id: `synthetic-${i}`, level: "town", population, metrics: syntheticMetrics(rand) });
    i++;
  }
  return out;
}

/**
 * `count` generated municipalities for the benchmark (all contributing): the
 * 401 Kreise in their real proportion, the rest kreisangehörige Gemeinden with
 * the size classes of the BBSR town types. Not used for the demo.
 */
export function generatedPeers(count: number, seed = 11_000): SyntheticPeer[] {
  const rand = prng(seed);
  const districts = loadDistricts();
  const out: SyntheticPeer[] = [];
  for (let i = 0; i < count; i++) {
    const d = i < districts.length ? districts[i]! : null;
    if (d) {
      out.push({ id: `generated-${i}`, level: d.level, population: d.population, metrics: syntheticMetrics(rand) });
      continue;
    }
    const r = rand();
    const population = r < 0.55 ? 1_000 + rand() * 9_000 : r < 0.75 ? 10_000 + rand() * 10_000 : r < 0.92 ? 20_000 + rand() * 30_000 : 50_000 + rand() * 130_000;
    out.push({ id: `generated-${i}`, level: "town", population: Math.round(population), metrics: syntheticMetrics(rand) });
  }
  return out;
}
