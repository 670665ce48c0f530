import { describe, expect, it } from "vitest";
import { computeFigures, type Contribution } from "./anonymity";
import { buildSnapshot, type Source } from "./publish";
import { prng } from "./synthetic";
import { metrics } from "@/tests/support/peers";

const REF = 2026;
const SECRET = "installations-geheimnis";

const healthShare = (set: Contribution[]) => {
  const f = computeFigures(set, new Map(), "x", REF)["field.health.covered"]!;
  if (!f || f.suppressed || !("share" in f)) throw new Error("figure suppressed");
  return f.share;
};
/** The count of peers covering "health" that a reader recovers from a published share. */
const coveredCount = (set: Contribution[]) => Math.round((healthShare(set) * set.length) / 100);

const town = (id: string, covered: boolean, measures = 18): Source => ({
  municipalityId: id,
  level: "town",
  population: 30_000,
  metrics: metrics({ measures, fields: { ...metrics().fields, health: { covered, measures: 1 } } }),
});

describe("noise across snapshots of the same members", () => {
  /**
   * A town adopts an update (a public council decision) and stays in its group: nobody joins or leaves between the
   * two snapshots. Reading the group's share before and after, does the difference tell whether the update added
   * the field "health"? With one noise per member set it is exact; with the noise of a figure redrawn when its
   * value changes, an added field is hidden in the noise (an unchanged one still shows as unchanged).
   */
  function updateAttack(trials: number, sameNoiseForMembers: boolean) {
    const rand = prng(815);
    let correct = 0;
    for (let t = 0; t < trials; t++) {
      const n = 12 + Math.floor(rand() * 20);
      const others = Array.from({ length: n }, (_, i) => town(`t${t}-m${i}`, rand() < 0.3));
      const added = rand() < 0.5;
      const published = (sources: Source[]) => {
        const set = buildSnapshot(sources, SECRET).contributions;
        if (!sameNoiseForMembers) return coveredCount(set);
        // the count as one noise per member set would publish it: exact plus the same offset before and after
        return set.filter((c) => c.metrics.fields.health!.covered).length;
      };
      const before = published([...others, town(`t${t}-x`, false, 18)]);
      const after = published([...others, town(`t${t}-x`, added, 19)]);
      if (after - before >= 1 === added) correct++;
    }
    return correct / trials;
  }

  it("does not show a member's changed figure exactly", () => {
    expect(updateAttack(300, true)).toBe(1);
    // 1/2 · 1 (nothing changed: the same figure) + 1/2 · 0.6 (changed: fresh noise): about 0.8, not 1.
    expect(updateAttack(1000, false)).toBeLessThan(0.86);
  });

  it("keeps a figure's noise while its value stays, however often a member changes its other figures", () => {
    // A member that changes its own contribution before every snapshot must not redraw everyone's noise: averaging
    // the redrawn figures over many snapshots would give the exact counts.
    const others = Array.from({ length: 14 }, (_, i) => town(`m${i}`, i % 3 === 0));
    const shares = new Set(Array.from({ length: 20 }, (_, s) => healthShare(buildSnapshot([...others, town("mover", false, 10 + s)], SECRET).contributions)));
    expect(shares.size).toBe(1);
  });
});
