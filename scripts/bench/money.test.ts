/**
 * The money bench's data builder and computations, once on a small concept (20
 * measures) in the test database: what `npm run bench` measures at 300 works
 * and computes what the routes compute.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { getConceptById, getConceptTree } from "@/db/queries/concepts";
import { getStaffCostRate } from "@/db/queries/funding";
import { berlinToday } from "@/lib/check/context";
import { readCheck } from "@/lib/check/service";
import { createConcept } from "@/lib/concepts/create";
import { exportConcept, importConcept } from "@/lib/concepts/exchange";
import { readFunding } from "@/lib/funding/service";
import { makeMunicipality } from "@/tests/support/fixtures";
import { timeComputations, type MoneyConcept, type MoneyTree } from "./money-compute";
import { indicatorValuePlan, INDICATOR_VALUES, moneyBackup, MONEY_MEASURES, type MoneyBackup } from "./money-data";

let town: Awaited<ReturnType<typeof makeMunicipality>>;
let base: MoneyBackup;
let conceptId: string;
let concept: MoneyConcept & { municipalityId: string };
let tree: MoneyTree;

beforeAll(async () => {
  town = await makeMunicipality("Benchstadt");
  const empty = await createConcept(town.admin, { municipalityId: town.municipality.id, title: "Bench-Vorlage" });
  base = (await exportConcept(town.admin, empty.id)) as unknown as MoneyBackup;
  conceptId = await importConcept(town.admin, { municipalityId: town.municipality.id, data: moneyBackup(base, 20) });
  concept = (await getConceptById({ id: conceptId }))!;
  tree = await getConceptTree({ conceptId });
});
afterAll(() => closeDb());

describe("the money bench's concept", () => {
  it("is a valid backup: 20 measures over the six fields, each with three funding lines and three indicators, most linked to a sub-goal", () => {
    expect(tree.measures).toHaveLength(20);
    expect(new Set(tree.measures.map((m) => m.fieldId)).size).toBe(6);
    expect(tree.measures.every((m) => m.fundingLines.length === 3 && m.indicators.length === 3)).toBe(true);
    expect(tree.measures.filter((m) => m.subGoalIds.length === 0)).toHaveLength(5);
    expect(tree.subGoals).toHaveLength(18);
    expect(concept.settings).toMatchObject({ validFrom: "2026-01-01", validUntil: "2030-12-31" });
  });

  it("at full size: 300 measures and a plan of 1,000 indicator values, each on an indicator with a numeric baseline and target", () => {
    const full = moneyBackup(base, MONEY_MEASURES);
    expect(full.measures).toHaveLength(300);
    const plan = indicatorValuePlan(full);
    expect(plan).toHaveLength(INDICATOR_VALUES);
    for (const v of plan) {
      const indicator = (full.measures[v.measure]!.indicators as { baseline: string; target: string }[])[v.indicator]!;
      expect(Number.isFinite(Number(indicator.baseline)) && indicator.baseline !== "").toBe(true);
      expect(v.date >= String(full.measures[v.measure]!.startDate)).toBe(true);
    }
    // 600 numeric indicators: every one gets a value, 400 a second one a year later.
    expect(new Set(plan.map((v) => `${v.measure}/${v.indicator}`)).size).toBe(600);
  });
});

describe("the computations the bench times", () => {
  it("compute what the /funding and /check routes return", async () => {
    const rate = await getStaffCostRate({ municipalityId: concept.municipalityId });
    const run = timeComputations(concept, tree, { rate, today: berlinToday(), samples: 1, warmups: 0 });
    expect(run.times.funding).toHaveLength(1);
    expect(run.times.cliff).toHaveLength(1);
    expect(run.times.check).toHaveLength(1);

    // Every fourth measure is completed: 15 in the running plan, 5 shown apart.
    expect(run.funding.excluded).toHaveLength(5);
    expect(run.funding.byYear.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(run.funding.plan.totalCostCents).toBeGreaterThan(0);
    expect(run.cliff.years.length).toBeGreaterThan(0);
    expect(run.cliff).toEqual(run.funding.cliff);
    const route = await readFunding(town.viewer, conceptId);
    expect(JSON.parse(JSON.stringify(run.funding))).toEqual(JSON.parse(JSON.stringify(route)));

    const rules = new Set(run.findings.map((f) => f.rule));
    for (const rule of ["massnahme-ohne-federfuehrung", "indikator-unvollstaendig", "foerderung-endet-vor-massnahme"]) {
      expect(rules, rule).toContain(rule);
    }
    const check = await readCheck(town.viewer, conceptId);
    expect(run.findings.map((f) => f.key)).toEqual(check.findings.map((f) => f.key));
  });
});
