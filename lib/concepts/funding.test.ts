import { describe, expect, it } from "vitest";
import { fundingOverview } from "./funding";

describe("funding overview", () => {
  it("sums funding lines by source and costs by task type", () => {
    const overview = fundingOverview([
      {
        taskType: "voluntary",
        materialCostCents: 4_200_000,
        staffFte: "0.75",
        fundingLines: [
          { source: "state", programme: "KOMM-AN NRW", amountCents: 3_000_000, until: null },
          { source: "municipal", programme: "Haushalt", amountCents: 1_200_000, until: null },
        ],
      },
      { taskType: "mandatory", materialCostCents: null, staffFte: "2.50", fundingLines: [{ source: "state", programme: "x", amountCents: 500_000, until: "2027-12-31" }] },
      { taskType: "voluntary", materialCostCents: 100, staffFte: null, fundingLines: [] },
    ]);
    expect(overview.bySource.find((s) => s.source === "state")).toEqual({ source: "state", cents: 3_500_000, lines: 2 });
    expect(overview.bySource.find((s) => s.source === "eu")).toEqual({ source: "eu", cents: 0, lines: 0 });
    expect(overview.fundingTotalCents).toBe(4_700_000);
    expect(overview.byTaskType).toEqual([
      { taskType: "mandatory", measures: 1, materialCostCents: 0, staffFte: 2.5 },
      { taskType: "voluntary", measures: 2, materialCostCents: 4_200_100, staffFte: 0.75 },
    ]);
    expect(overview.staffFteTotal).toBe(3.25);
  });

  it("is all zeros without measures", () => {
    const overview = fundingOverview([]);
    expect(overview.fundingTotalCents).toBe(0);
    expect(overview.measures).toBe(0);
  });
});
