import { describe, expect, it } from "vitest";
import { DEFAULT_STAFF_COST_PER_FTE_CENTS, effectiveRate, staffCostCents } from "./rate";

describe("personnel cost", () => {
  it("is VZÄ × rate, exact to the cent", () => {
    expect(staffCostCents(150, 8_000_000)).toBe(12_000_000);
    expect(staffCostCents(75, 7_654_321)).toBe(5_740_741); // 0.75 × 76.543,21 € = 57.407,4075 € → 57.407,41 €
    expect(staffCostCents(100_000, 20_000_000)).toBe(20_000_000_000); // 1.000 VZÄ × 200.000 €
  });

  it("takes the measure's rate before the municipality's, and the default last", () => {
    expect(effectiveRate(6_500_000, 9_000_000)).toBe(6_500_000);
    expect(effectiveRate(null, 9_000_000)).toBe(9_000_000);
    expect(effectiveRate(undefined, null)).toBe(DEFAULT_STAFF_COST_PER_FTE_CENTS);
  });
});
