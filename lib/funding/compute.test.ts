import { describe, expect, it } from "vitest";
import { MAX_CENTS, MAX_LIST_ITEMS, MAX_MEASURES, MAX_RATE_CENTS, MAX_STAFF_FTE } from "@/lib/measures/schema";
import { FUNDING_SOURCES } from "@/lib/measures/labels";
import { computeFunding } from "./compute";
import type { FundingInput, FundingMeasure } from "./types";

const measure = (over: Partial<FundingMeasure>): FundingMeasure => ({
  id: over.id ?? "m1",
  number: "M 5.1.1",
  title: "Maßnahme",
  fieldKey: "language",
  taskType: "voluntary",
  status: "running",
  startDate: null,
  endDate: null,
  staffFte: null,
  materialCostCents: null,
  fundingLines: [],
  ...over,
});

const input = (measures: FundingMeasure[], over: Partial<FundingInput> = {}): FundingInput => ({
  validFrom: "2026-01-01",
  validUntil: "2027-12-31",
  staffCostPerFteCents: 6_000_000,
  fields: [
    { key: "language", title: "Sprache" },
    { key: "work", title: "Arbeit" },
  ],
  measures,
  ...over,
});

describe("funding computation", () => {
  it("counts no funding that ended before the concept's validity: the yearly tables, the table by year and the own share agree", () => {
    const r = computeFunding(
      input(
        [
          measure({
            startDate: "2024-01-01",
            materialCostCents: 10_000_000,
            fundingLines: [
              { source: "state", programme: "Landesprogramm (ausgelaufen)", amountCents: 8_000_000, until: "2025-12-31" },
              { source: "federal", programme: "Bundesprogramm", amountCents: 1_000_000, until: "2026-01-15" },
            ],
          }),
        ],
        { validFrom: "2026-01-01", validUntil: "2030-12-31" },
      ),
    );
    // The Land grant ended before 2026: nowhere in the plan. The federal one pays in January 2026, so it counts.
    expect(r.bySource.find((s) => s.source === "state")).toEqual({ source: "state", lines: 0, centsPerYear: 0 });
    expect(r.bySource.find((s) => s.source === "federal")).toEqual({ source: "federal", lines: 1, centsPerYear: 1_000_000 });
    expect(r.plan).toMatchObject({ totalCostCents: 10_000_000, fundingCents: 1_000_000, ownShareCents: 9_000_000 });
    expect(r.byYear[0]).toMatchObject({ year: 2026, fundingBySourceCents: expect.objectContaining({ state: 0 }) });
    expect(r.byYear[1]).toMatchObject({ year: 2027, fundingCents: 0, ownShareCents: r.plan.totalCostCents });
    // Nor is it a cliff to come: only the federal line, ending in the validity, is one.
    expect(r.cliff.lines.map((l) => [l.programme, l.year])).toEqual([["Bundesprogramm", 2026]]);
  });

  it("counts no funding that ended before its measure began", () => {
    const r = computeFunding(input([measure({ startDate: "2027-03-01", materialCostCents: 500_000, fundingLines: [{ source: "eu", programme: "ESF", amountCents: 400_000, until: "2027-02-28" }] })]));
    expect(r.plan).toMatchObject({ fundingCents: 0, ownShareCents: 500_000 });
  });

  it("adds personnel cost (VZÄ × rate) and material cost to a yearly total per measure", () => {
    const r = computeFunding(input([measure({ staffFte: "1.50", materialCostCents: 1_000_000 })]));
    expect(r.measures[0]).toMatchObject({ staffFteHundredths: 150, staffCostCents: 9_000_000, materialCostCents: 1_000_000, totalCostCents: 10_000_000 });
    expect(r.plan.totalCostCents).toBe(10_000_000);
  });

  it("uses a measure's own rate before the municipality's, and the default without either", () => {
    const own = computeFunding(input([measure({ staffFte: "1", staffCostPerFteCents: 5_000_000 })]));
    expect(own.plan.staffCostCents).toBe(5_000_000);
    const fallback = computeFunding(input([measure({ staffFte: "1" })], { staffCostPerFteCents: null }));
    expect(fallback.rateIsDefault).toBe(true);
    expect(fallback.plan.staffCostCents).toBe(8_000_000);
  });

  it("leaves completed measures out of the running plan and says why", () => {
    const r = computeFunding(
      input([
        measure({ id: "a", status: "planned", staffFte: "1" }),
        measure({ id: "b", status: "established", staffFte: "0.5" }),
        measure({ id: "c", status: "completed", staffFte: "2", fundingLines: [{ source: "eu", programme: "ESF", amountCents: 500, until: null }] }),
      ]),
    );
    expect(r.plan.measures).toBe(2);
    expect(r.plan.staffFte).toBe("1.5");
    expect(r.bySource.find((s) => s.source === "eu")).toEqual({ source: "eu", lines: 0, centsPerYear: 0 });
    expect(r.excluded).toEqual([expect.objectContaining({ id: "c", reason: "abgeschlossen, nicht im Finanzplan", externalFundingCents: 500 })]);
  });

  it("sums by source, field of action and task type; own share is the cost not covered from outside", () => {
    const r = computeFunding(
      input([
        measure({
          id: "a",
          taskType: "mandatory",
          materialCostCents: 1_000_000,
          fundingLines: [
            { source: "state", programme: "L", amountCents: 600_000, until: null },
            { source: "municipal", programme: "H", amountCents: 400_000, until: null },
          ],
        }),
        measure({ id: "b", fieldKey: "work", materialCostCents: 100_000, fundingLines: [{ source: "federal", programme: "B", amountCents: 300_000, until: null }] }),
      ]),
    );
    expect(r.bySource.map((s) => [s.source, s.lines, s.centsPerYear])).toEqual([
      ["municipal", 1, 400_000],
      ["state", 1, 600_000],
      ["federal", 1, 300_000],
      ["eu", 0, 0],
      ["thirdParty", 0, 0],
    ]);
    expect(r.byField.map((f) => [f.fieldKey, f.measures, f.totalCostCents])).toEqual([
      ["language", 1, 1_000_000],
      ["work", 1, 100_000],
    ]);
    expect(r.byTaskType.map((t) => [t.taskType, t.measures])).toEqual([
      ["mandatory", 1],
      ["voluntary", 1],
    ]);
    // a: 1.000.000 − 600.000 = 400.000; b: over-funded from outside → 0, not −200.000
    expect(r.plan.ownShareCents).toBe(400_000);
  });

  it("spreads yearly amounts over the months in the validity, funding only until its end", () => {
    const r = computeFunding(
      input([
        measure({
          startDate: "2026-07-01",
          endDate: null,
          materialCostCents: 1_200_000,
          fundingLines: [{ source: "state", programme: "L", amountCents: 1_200_000, until: "2027-03-31" }],
        }),
      ]),
    );
    expect(r.byYear.map((y) => [y.year, y.totalCostCents, y.fundingBySourceCents.state, y.ownShareCents])).toEqual([
      [2026, 600_000, 600_000, 0],
      [2027, 1_200_000, 300_000, 900_000],
    ]);
  });

  it("has no by-year view without a validity, at most 30 years with a long one, and says so", () => {
    const r = computeFunding(input([measure({})], { validFrom: null }));
    expect(r.byYear).toEqual([]);
    expect(r.yearNote).toMatch(/Geltungszeitraum/);
    const long = computeFunding(input([measure({ materialCostCents: 100 })], { validFrom: "2026-01-01", validUntil: "2226-12-31" }));
    expect(long.byYear).toHaveLength(30);
    expect(long.yearNote).toBe("Nach Jahren: gezeigt sind die ersten 30 Jahre des Geltungszeitraums (bis 2055); die Summe umfasst nur diese.");
    expect(computeFunding(input([measure({})], { validFrom: "2026-01-01", validUntil: "2055-12-31" })).yearNote).toBeNull();
  });

  it("adds up to the cent at the largest amounts the forms allow, in the largest concept", () => {
    const measures = Array.from({ length: MAX_MEASURES }, (_, i) =>
      measure({
        id: `m${i}`,
        fieldKey: i % 2 ? "work" : "language",
        staffFte: MAX_STAFF_FTE,
        staffCostPerFteCents: MAX_RATE_CENTS,
        materialCostCents: MAX_CENTS,
        fundingLines: Array.from({ length: MAX_LIST_ITEMS }, (_, j) => ({ source: FUNDING_SOURCES[j % FUNDING_SOURCES.length]!, programme: `P${j}`, amountCents: MAX_CENTS - j, until: null })),
      }),
    );
    const r = computeFunding(input(measures));
    const exactFunding = BigInt(MAX_MEASURES) * (BigInt(MAX_LIST_ITEMS) * BigInt(MAX_CENTS) - BigInt((MAX_LIST_ITEMS * (MAX_LIST_ITEMS - 1)) / 2));
    const exactCost = BigInt(MAX_MEASURES) * (BigInt(MAX_STAFF_FTE) * BigInt(MAX_RATE_CENTS) + BigInt(MAX_CENTS));
    expect(BigInt(r.plan.fundingCents)).toBe(exactFunding);
    expect(BigInt(r.plan.totalCostCents)).toBe(exactCost);
    // The same money by source, by field of action and by task type: the council's tables agree with the total.
    expect(BigInt(r.bySource.reduce((a, s) => a + s.centsPerYear, 0))).toBe(exactFunding);
    expect(BigInt(r.byField.reduce((a, f) => a + f.fundingCents, 0))).toBe(exactFunding);
    expect(BigInt(r.byTaskType.reduce((a, t) => a + t.totalCostCents, 0))).toBe(exactCost);
    for (const row of r.byYear) expect(Number.isSafeInteger(row.fundingCents) && Number.isSafeInteger(row.totalCostCents)).toBe(true);
  });
});
