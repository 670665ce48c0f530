import { describe, expect, it } from "vitest";
import { computeFigures, type Contribution } from "./anonymity";
import { buildSnapshot, type Source } from "./publish";
import { prng } from "./synthetic";
import { metrics } from "@/tests/support/peers";

const REF = 2026;

/** The count of peers covering "health" that a reader recovers from a published share. */
function coveredCount(set: Contribution[]): number {
  const f = computeFigures(set, new Map(), "x", REF)["field.health.covered"]!;
  if (!f || f.suppressed || !("share" in f)) throw new Error("figure suppressed");
  return Math.round((f.share * set.length) / 100);
}

/**
 * A town adopts an update (a public council decision) and stays in its group: nobody joins or leaves between the
 * two snapshots. Reading the group's share before and after, does the difference tell whether the update added
 * the field "health"?
 */
function updateAttack(trials: number, keyed: (s: Source[]) => Contribution[]) {
  const rand = prng(815);
  let correct = 0;
  for (let t = 0; t < trials; t++) {
    const n = 12 + Math.floor(rand() * 20);
    const others: Source[] = Array.from({ length: n }, (_, i) => ({
      municipalityId: `t${t}-m${i}`,
      level: "town",
      population: 30_000,
      metrics: metrics({ fields: { ...metrics().fields, health: { covered: rand() < 0.3, measures: 1 } } }),
    }));
    const added = rand() < 0.5;
    // The update changes the town's figures either way (here: one measure more); the question is whether "health" came with it.
    const town = (covered: boolean, measures: number): Source => ({
      municipalityId: `t${t}-x`,
      level: "town",
      population: 30_000,
      metrics: metrics({ measures, fields: { ...metrics().fields, health: { covered, measures: 1 } } }),
    });
    const before = coveredCount(keyed([...others, town(false, 18)]));
    const after = coveredCount(keyed([...others, town(added, 19)]));
    if (after - before >= 1 === added) correct++;
  }
  return correct / trials;
}

describe("a snapshot's member keys", () => {
  it("give a changed contribution fresh noise: two snapshots of the same members do not tell what one of them changed", () => {
    const secret = "installations-geheimnis";
    // Keys of the member alone (as before): the same members give the same noise, so the difference is exact.
    const byMemberOnly = (sources: Source[]) => buildSnapshot(sources, secret).contributions.map((c, i) => ({ ...c, memberKey: i + 1 }));
    expect(updateAttack(300, byMemberOnly)).toBe(1);
    // Keys of member and contribution: barely better than a coin toss.
    expect(updateAttack(1000, (sources) => buildSnapshot(sources, secret).contributions)).toBeLessThan(0.68);
  });

  it("keep the same noise for an unchanged contribution, so that a later snapshot does not average it away", () => {
    const sources: Source[] = Array.from({ length: 10 }, (_, i) => ({ municipalityId: `m${i}`, level: "town", population: 30_000, metrics: metrics() }));
    const keys = (s: Source[]) => buildSnapshot(s, "geheim").contributions.map((c) => c.memberKey);
    expect(keys(sources)).toEqual(keys(sources.map((s) => ({ ...s, metrics: structuredClone(s.metrics) }))));
    expect(keys(sources)).not.toEqual(keys(sources.map((s, i) => (i === 0 ? { ...s, metrics: metrics({ measures: 19 }) } : s))));
  });
});
