import { describe, expect, it } from "vitest";
import { computeCliff, endsBeforeMeasure } from "./cliff";
import type { FundingMeasure } from "./types";

const m = (over: Partial<FundingMeasure>): FundingMeasure => ({
  id: "m",
  number: "M 5.1.1",
  title: "Maßnahme",
  fieldKey: "language",
  taskType: "voluntary",
  status: "running",
  startDate: "2024-01-01",
  endDate: null,
  staffFte: "1",
  materialCostCents: 0,
  fundingLines: [],
  ...over,
});

describe("funding cliff", () => {
  it("knows when a line ends before its measure", () => {
    expect(endsBeforeMeasure("2026-12-31", null)).toBe(true);
    expect(endsBeforeMeasure("2026-12-31", "2027-06-30")).toBe(true);
    expect(endsBeforeMeasure("2027-06-30", "2027-06-30")).toBe(false);
    expect(endsBeforeMeasure(null, "2027-06-30")).toBe(false);
  });

  it("groups lost money and VZÄ by year, source and programme; each measure's VZÄ once per year", () => {
    const cliff = computeCliff(
      [
        m({
          id: "a",
          fundingLines: [
            { source: "state", programme: "KOMM-AN", amountCents: 100, until: "2026-12-31" },
            { source: "eu", programme: "ESF", amountCents: 50, until: "2027-05-31" },
            { source: "municipal", programme: "Haushalt", amountCents: 999, until: null },
          ],
        }),
        m({ id: "b", taskType: "mandatory", endDate: "2030-12-31", fundingLines: [{ source: "state", programme: "KOMM-AN", amountCents: 200, until: "2026-12-31" }] }),
        m({ id: "c", endDate: "2026-12-31", fundingLines: [{ source: "state", programme: "KOMM-AN", amountCents: 400, until: "2026-12-31" }] }),
      ],
      new Map([
        ["a", 150],
        ["b", 100],
        ["c", 300],
      ]),
    );
    expect(cliff.years.map((y) => [y.year, y.cents, y.staffFte])).toEqual([
      [2027, 350, "2.5"],
    ]);
    expect(cliff.years[0]!.byProgramme).toEqual([
      { source: "state", programme: "KOMM-AN", cents: 300, measures: 2 },
      { source: "eu", programme: "ESF", cents: 50, measures: 1 },
    ]);
    expect(cliff.measures.map((x) => [x.id, x.voluntary, x.fundingEnds, x.measureEnds])).toEqual([
      ["a", true, "2027-05-31", null],
      ["b", false, "2026-12-31", "2030-12-31"],
    ]);
    expect(cliff.summary).toContain("davon 1 freiwillige Aufgabe");
  });

  it("says so when nothing falls off", () => {
    expect(computeCliff([m({ fundingLines: [{ source: "state", programme: "x", amountCents: 1, until: null }] })], new Map()).summary).toBe(
      "Keine Förderung endet vor dem Ende ihrer Maßnahme.",
    );
  });
});
