/** Builders of crafted contributions for the peer unit tests. */
import type { Contribution } from "@/lib/peers/anonymity";
import type { ConceptMetrics } from "@/lib/peers/metrics";
import { FIELD_KEYS } from "@/lib/peers/metrics";

export function metrics(over: Partial<ConceptMetrics> = {}): ConceptMetrics {
  return {
    fields: Object.fromEntries(FIELD_KEYS.map((k) => [k, { covered: true, measures: 3 }])),
    measures: 18,
    shares: { leadOffice: 0.8, indicator: 0.5, budget: 0.5, voluntary: 0.6 },
    fundingCents: { municipal: 1_000_000, state: 500_000, federal: 300_000, eu: 100_000, thirdParty: 200_000 },
    orgModel: "staff_unit",
    wholeSociety: true,
    startYear: 2018,
    updateCycleYears: 5,
    ...over,
  };
}

let next = 1;
/** A contribution with a distinct member key; `id` doubles as municipality id. */
export function contribution(groupKey: string, over: Partial<ConceptMetrics> = {}, id?: string): Contribution {
  const n = next++;
  const level = groupKey.split(":")[0] as Contribution["level"];
  return { memberKey: (Math.imul(n, 2654435761) >>> 0) ^ 0x5bd1e995, groupKey, level, municipalityId: id ?? `m-${n}`, metrics: metrics(over) };
}

export function many(count: number, groupKey: string, over: (i: number) => Partial<ConceptMetrics> = () => ({})): Contribution[] {
  return Array.from({ length: count }, (_, i) => contribution(groupKey, over(i)));
}
