import { describe, expect, it } from "vitest";
import {
  computeFigures,
  countNoise,
  dominated,
  dominatedLeavingOneOut,
  FIGURES,
  MIN_PEERS,
  quantile,
  structuralSuppression,
  type Contribution,
  type FigureSet,
  type QuartileFigure,
  type ShareFigure,
} from "./anonymity";
import { buildComparison, loadSnapshot } from "./compare";
import { groupKey, mergeBands, originLabel, type PeerGroupDef } from "./groups";
import { contribution, many, metrics } from "@/tests/support/peers";
import { prng } from "./synthetic";

const REF = 2026;
const A = groupKey("county", 1, 1);
const B = groupKey("county", 2, 2);
const C = groupKey("county", 3, 3);
const LOW = groupKey("county", 0, 0);
const GROUPS: PeerGroupDef[] = [
  { key: LOW, level: "county", from: 0, to: 0 },
  { key: A, level: "county", from: 1, to: 1 },
  { key: B, level: "county", from: 2, to: 2 },
  { key: C, level: "county", from: 3, to: 3 },
  { key: groupKey("city", 0, 3), level: "city", from: 0, to: 3 },
  { key: groupKey("town", 0, 3), level: "town", from: 0, to: 3 },
];

/** Figures of one group for a viewer outside it, with the structural rules of the whole snapshot. */
function figuresOf(all: Contribution[], cell: string, set = all.filter((c) => `group:${c.groupKey}` === cell || cell === "all" || cell === `level:${c.level}`)) {
  const structure = structuralSuppression(GROUPS, all, REF);
  return computeFigures(set, structure.suppressed, cell, REF);
}

describe("minimum number of peers", () => {
  it("suppresses every figure of a group of 4 peers, with the reason", () => {
    const set = many(4, A);
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    for (const spec of FIGURES) expect(figures[spec.id], spec.id).toMatchObject({ suppressed: true, reason: "too_few_peers", message: "zu wenige Vergleichskommunen" });
  });

  it("shows figures of 5 peers (when nothing else forbids them)", () => {
    const figures = computeFigures(many(5, A), new Map(), `group:${A}`, REF);
    expect(figures["field.language.covered"]).toMatchObject({ suppressed: false, n: 5 });
    expect(figures["measures"]).toMatchObject({ suppressed: false, n: 5 });
  });

  it("excludes the viewer: 5 contributors including the viewer are 4 peers → suppressed", () => {
    const viewerId = "viewer-municipality";
    const contributions = [...many(4, A), contribution(A, {}, viewerId), ...many(30, B)];
    const snapshot = loadSnapshot({ id: "s1", publishedAt: new Date("2026-06-01"), groups: GROUPS, contributions, syntheticCount: 0 });
    const population = 200_000; // county band 1 (150k–250k) = group A
    const cmp = buildComparison(snapshot, { municipalityId: viewerId, level: "county", population }, "own", metrics());
    expect(cmp.group.n).toBe(4);
    expect(cmp.fields[0]!.coverage).toMatchObject({ suppressed: true, reason: "too_few_peers" });
    // an outsider viewing the same group sees the figure (5 peers; structural margin needs 6 → still suppressed)
    const outsider = buildComparison(snapshot, { municipalityId: "someone-else", level: "county", population }, "own", metrics());
    expect(outsider.group.n).toBe(5);
    expect(outsider.fields[0]!.coverage).toMatchObject({ suppressed: true });
  });

  it("counts only peers with a value for quartiles (update cycle known for 4 of 20 → suppressed)", () => {
    const set = many(20, A, (i) => ({ updateCycleYears: i < 4 ? 5 : null }));
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    expect(figures["updateCycle"]).toMatchObject({ suppressed: true, reason: "too_few_peers" });
    expect(figures["measures"]).toMatchObject({ suppressed: false, n: 20 });
  });
});

describe("dominance", () => {
  it("knows a dominant value", () => {
    expect(dominated([10, 10, 10, 10, 60])).toBe(true);
    expect(dominated([20, 20, 20, 20, 20])).toBe(false);
    // 24 % of the full sum, but 30 % once the second largest (the viewer) is left out
    expect(dominated([24, 20, 20, 20, 16])).toBe(false);
    expect(dominatedLeavingOneOut([24, 20, 20, 20, 16])).toBe(true);
  });

  it("suppresses a funding source where one peer has more than 25 % of the sum", () => {
    const set = many(12, A, (i) => ({ fundingCents: { municipal: 100_000, state: 100_000, federal: i === 0 ? 9_000_000 : 100_000, eu: 100_000, thirdParty: 100_000 } }));
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    expect(figures["funding.federal"]).toMatchObject({ suppressed: true, reason: "dominance" });
  });

  it("suppresses the whole funding mix when one peer has more than 25 % of all funding", () => {
    const big = { municipal: 5_000_000, state: 5_000_000, federal: 5_000_000, eu: 5_000_000, thirdParty: 5_000_000 };
    const set = [...many(11, A), contribution(A, { fundingCents: big })];
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    for (const s of ["municipal", "state", "federal", "eu", "thirdParty"]) expect(figures[`funding.${s}`]).toMatchObject({ suppressed: true, reason: "dominance" });
  });

  it("hides a second source when only one is suppressed (it would be 100 % minus the others)", () => {
    const set = many(12, A, (i) => ({ fundingCents: { municipal: 100_000, state: 100_000, federal: 100_000, eu: i === 0 ? 300_000 : 10_000, thirdParty: 100_000 } }));
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    const hidden = ["municipal", "state", "federal", "eu", "thirdParty"].filter((s) => figures[`funding.${s}`]!.suppressed);
    expect(figures["funding.eu"]).toMatchObject({ suppressed: true, reason: "dominance" });
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.map((s) => (figures[`funding.${s}`] as { reason: string }).reason)).toContain("secondary");
  });

  it("hides more sources until the hidden ones together are not one peer's (100 % minus the shown would give it away)", () => {
    // One peer has nearly all the EU money; the smallest other source is tiny, so EU + it ≈ that peer's EU share.
    const set = many(12, A, (i) => ({ fundingCents: { municipal: 1_000_000, state: 800_000, federal: 600_000, eu: i === 0 ? 2_000_000 : 1_000, thirdParty: 1_000 } }));
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    const hidden = ["municipal", "state", "federal", "eu", "thirdParty"].filter((s) => figures[`funding.${s}`]!.suppressed);
    expect(figures["funding.eu"]).toMatchObject({ suppressed: true, reason: "dominance" });
    const sums = (c: Contribution) => hidden.reduce((a, s) => a + c.metrics.fundingCents[s as keyof typeof c.metrics.fundingCents], 0);
    expect(dominated(set.map(sums))).toBe(false);
    expect(hidden.length).toBeGreaterThanOrEqual(3);
  });
});

describe("secondary suppression across groups", () => {
  // Group A: update cycle known for only 3 peers → primary suppression. B and C are fine.
  const all = [
    ...many(10, A, (i) => ({ updateCycleYears: i < 3 ? 4 : null })),
    ...many(9, B),
    ...many(20, C),
    ...many(12, LOW),
  ];

  it("suppresses a sibling so that level − shown groups does not reveal the suppressed group", () => {
    const { suppressed, cells } = structuralSuppression(GROUPS, all, REF);
    const status = suppressed.get("updateCycle")!;
    expect(status.get(`group:${A}`)).toBe("too_few_peers");
    expect(status.has("level:county")).toBe(false);
    const hidden = [...status.entries()].filter(([cell]) => cell.startsWith("group:county")).map(([cell]) => cell);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(status.get(`group:${B}`)).toBe("secondary"); // the smallest shown sibling
    // what can be derived (level minus shown groups) is an aggregate that passes the rules on its own
    const derivable = hidden.flatMap((cell) => cells.get(cell)!).filter((c) => c.metrics.updateCycleYears !== null);
    expect(derivable.length).toBeGreaterThanOrEqual(MIN_PEERS + 1);
  });

  it("keeps hiding siblings until what can be derived passes the rules", () => {
    const few = [
      ...many(10, A, (i) => ({ updateCycleYears: i < 3 ? 4 : null })),
      ...many(10, B, (i) => ({ updateCycleYears: i < 2 ? 4 : null })),
      ...many(20, C),
    ];
    const { suppressed } = structuralSuppression(GROUPS, few, REF);
    const status = suppressed.get("updateCycle")!;
    // A and B together have 5 values (< 6): C is hidden too, and only the level's figure remains
    expect(status.get(`group:${A}`)).toBe("too_few_peers");
    expect(status.get(`group:${B}`)).toBe("too_few_peers");
    expect(status.get(`group:${C}`)).toBe("secondary");
    expect(status.has("level:county")).toBe(false);
  });

  it("keeps the total from revealing a suppressed level", () => {
    const mixed = [...many(30, C), ...many(4, groupKey("city", 0, 3))];
    const { suppressed } = structuralSuppression(GROUPS, mixed, REF);
    const status = suppressed.get("measures")!;
    expect(status.get("level:city")).toBe("too_few_peers");
    expect(status.has("level:county")).toBe(false);
    expect(status.get("all")).toBe("secondary"); // all − counties would be the 4 cities
  });

  it("lets the total stand when the suppressed levels together pass", () => {
    const mixed = [...many(30, C), ...many(4, groupKey("city", 0, 3)), ...many(3, groupKey("town", 0, 3))];
    const { suppressed } = structuralSuppression(GROUPS, mixed, REF);
    expect(suppressed.get("measures")!.has("all")).toBe(false); // all − counties = 7 peers, an aggregate that passes
  });

  it("the viewer's figures honour the structural decision", () => {
    const figures = figuresOf(all, `group:${B}`);
    expect(figures["updateCycle"]).toMatchObject({ suppressed: true, reason: "secondary" });
  });
});

describe("quartiles, never min or max", () => {
  it("interpolates quartiles", () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });

  it("publishes q1, median and q3 only", () => {
    const set = many(15, A, (i) => ({ measures: i * 4 }));
    const figures = computeFigures(set, new Map(), `group:${A}`, REF);
    const m = figures["measures"] as QuartileFigure;
    expect(Object.keys(m).sort()).toEqual(["median", "n", "q1", "q3", "suppressed"]);
    expect(JSON.stringify(figures)).not.toMatch(/"(min|max)"/);
    expect(m.q1).toBeLessThanOrEqual(m.median);
    expect(m.median).toBeLessThanOrEqual(m.q3);
    expect(m.q1).toBeGreaterThan(0); // the minimum is 0
    expect(m.q3).toBeLessThan(56); // the maximum is 56
  });
});

describe("seeded noise", () => {
  it("returns the same figures for the same member set, however often asked", () => {
    const set = many(20, A, (i) => ({ measures: i, fields: { language: { covered: i % 2 === 0, measures: i } } as never }));
    const one = computeFigures(set, new Map(), `group:${A}`, REF);
    const again = computeFigures([...set].reverse(), new Map(), `group:${A}`, REF);
    expect(again).toEqual(one);
  });

  it("draws independent noise for another member set", () => {
    const seeds = new Set<number>();
    for (let s = 0; s < 200; s++) seeds.add(countNoise(s * 7919, "field.health.covered"));
    expect([...seeds].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it("perturbs counts: the published share is not always the true one", () => {
    let differs = 0;
    for (let t = 0; t < 50; t++) {
      const set = many(20, A, (i) => ({ wholeSociety: i < 10 }));
      const f = computeFigures(set, new Map(), `group:${A}`, REF)["wholeSociety"] as ShareFigure;
      if (f.share !== 50) differs++;
    }
    expect(differs).toBeGreaterThan(20);
  });
});

describe("noise on quartiles", () => {
  it("perturbs how many peers have a value (peers without an update cycle are a count), the group's n stays", () => {
    const published = new Set<number>();
    for (let t = 0; t < 50; t++) {
      const set = many(12, A, (i) => ({ updateCycleYears: i < 8 ? 5 : null, startYear: 2020 }));
      const figures = computeFigures(set, new Map(), `group:${A}`, REF);
      const n = (figures["updateCycle"] as QuartileFigure).n;
      expect(n).toBeGreaterThanOrEqual(6);
      expect(n).toBeLessThanOrEqual(10);
      published.add(n);
      // asked again: the same
      expect((computeFigures(set, new Map(), `group:${A}`, REF)["updateCycle"] as QuartileFigure).n).toBe(n);
      // every peer has a start year: its n is the group's
      expect((figures["age"] as QuartileFigure).n).toBe(12);
    }
    expect(published.size).toBeGreaterThan(2);
  });

  it("moves a quartile of whole numbers too: the published median of five peers is often not the middle peer's own value", () => {
    let differs = 0;
    for (let t = 0; t < 50; t++) {
      // five peers with 2, 4, 6, 8 and 10 measures: the true median is the third peer's 6
      const set = many(5, A, (i) => ({ measures: (i % 5) * 2 + 2 }));
      const m = computeFigures(set, new Map(), `group:${A}`, REF)["measures"] as QuartileFigure;
      expect(Math.abs(m.median - 6)).toBeLessThanOrEqual(1.5);
      if (m.median !== 6) differs++;
    }
    expect(differs).toBeGreaterThan(15);
  });
});

describe("where a shared measure comes from", () => {
  it("names the merged group a band lies in, never the band alone, and only the level before any snapshot", () => {
    // one kreisfreie Stadt of 500.000 and more would be named alone; the snapshot merged its band with the one below
    const groups = mergeBands({ city: [9, 9, 9, 1], county: [9, 9, 9, 9], town: [9, 9, 9, 9] }, MIN_PEERS + 1);
    expect(groups.filter((g) => g.level === "city").map((g) => [g.from, g.to])).toEqual([[0, 0], [1, 1], [2, 3]]);
    expect(originLabel(groups, "city", 3)).toBe("eine kreisfreie Stadt, 250.000 Einwohner und mehr");
    expect(originLabel(groups, "city", 1)).toBe("eine kreisfreie Stadt, 100.000–250.000 Einwohner");
    expect(originLabel([], "city", 3)).toBe("eine kreisfreie Stadt");
  });
});

describe("merging small bands", () => {
  it("merges a band below the minimum with its smaller neighbour, never showing it alone", () => {
    const groups = mergeBands({ city: [3, 20, 10, 2], county: [10, 10, 10, 10], town: [1, 1, 1, 1] }, MIN_PEERS + 1);
    const cities = groups.filter((g) => g.level === "city");
    expect(cities.map((g) => [g.from, g.to])).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(groups.filter((g) => g.level === "county")).toHaveLength(4);
    expect(groups.filter((g) => g.level === "town").map((g) => [g.from, g.to])).toEqual([[0, 3]]);
  });
});

// ---------------------------------------------------------------------------
// The differencing attack
// ---------------------------------------------------------------------------

/** The count behind a published share, as an attacker recovers it. */
const countOf = (f: FigureSet[string], n: number) => {
  if (!f || f.suppressed || !("share" in f)) return null;
  return Math.round((f.share * n) / 100);
};

describe("differencing attack", () => {
  /**
   * A municipality X joins a group between two snapshots (or leaves it: the
   * same difference read backwards). The attacker sees the group's published
   * share of peers covering "health" before and after and subtracts the
   * recovered counts to learn whether X covers health. Without noise this
   * attack is exact (checked first, so the attack itself is sound); with the
   * seeded noise it is barely better than a coin toss.
   */
  function attack(trials: number, withNoise: boolean, twoGroups: boolean) {
    const rand = prng(4711);
    let correct = 0;
    let ambiguous = 0;
    for (let t = 0; t < trials; t++) {
      const n = 12 + Math.floor(rand() * 20);
      const before = many(n, A, () => ({ fields: { health: { covered: rand() < 0.3, measures: 1 } } as never }));
      const secret = rand() < 0.5;
      const x = contribution(A, { fields: { health: { covered: secret, measures: 1 } } as never });
      const after = [...before, x];
      const other = many(10, B, () => ({ fields: { health: { covered: rand() < 0.3, measures: 1 } } as never }));
      const read = (set: Contribution[]) => {
        if (!withNoise) return set.filter((c) => c.metrics.fields.health!.covered).length;
        const f = computeFigures(set, new Map(), "x", REF)["field.health.covered"]!;
        return countOf(f, set.length)!;
      };
      // one group across two snapshots, or: the level (A ∪ B) after minus group B, against group A before
      const k1 = read(before);
      const k2 = twoGroups ? read([...after, ...other]) - read(other) : read(after);
      const diff = k2 - k1;
      const guess = diff >= 1;
      if (guess === secret) correct++;
      // both answers fit the published figures when the difference lies within the noise band of either
      if (Math.abs(diff - 0) <= 4 + (twoGroups ? 2 : 0) && Math.abs(diff - 1) <= 4 + (twoGroups ? 2 : 0)) ambiguous++;
    }
    return { accuracy: correct / trials, ambiguous: ambiguous / trials };
  }

  it("isolates the joiner exactly on raw counts (the attack works without protection)", () => {
    expect(attack(300, false, false).accuracy).toBe(1);
    expect(attack(300, false, true).accuracy).toBe(1);
  });

  it("fails against published snapshots: two snapshots of one group", () => {
    const { accuracy, ambiguous } = attack(1000, true, false);
    expect(accuracy).toBeLessThan(0.68);
    expect(ambiguous).toBeGreaterThan(0.95);
  });

  it("fails against published snapshots: comparing two groups (level minus sibling)", () => {
    const { accuracy, ambiguous } = attack(1000, true, true);
    expect(accuracy).toBeLessThan(0.68);
    expect(ambiguous).toBeGreaterThan(0.95);
  });

  it("asking the same snapshot again does not average the noise away", () => {
    const set = many(25, A, (i) => ({ fields: { health: { covered: i % 3 === 0, measures: 1 } } as never }));
    const answers = new Set(Array.from({ length: 20 }, () => JSON.stringify(computeFigures(set, new Map(), "x", REF)["field.health.covered"])));
    expect(answers.size).toBe(1);
  });
});
