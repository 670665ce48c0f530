import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { fundingEndsEarly } from "./funding-ends-early";

describe(fundingEndsEarly.id, () => {
  it("flags a funding line that ends before its measure", () => {
    const ctx = goodContext();
    ctx.measures[0]!.fundingLines.push({ source: "state", programme: "KOMM-AN NRW", amountCents: 1, until: "2026-12-31" });
    expect(fundingEndsEarly.run(ctx).map((f) => f.message)).toEqual([
      "M 2.1.1 „Sprachkursberatung“: Land (KOMM-AN NRW) endet am 31.12.2026, die Maßnahme läuft bis 31.12.2027.",
    ]);
  });

  it("accepts a line that ends with the measure", () => {
    const ctx = goodContext();
    ctx.measures[0]!.fundingLines.push({ source: "state", programme: "x", amountCents: 1, until: "2027-12-31" });
    expect(fundingEndsEarly.run(ctx)).toEqual([]);
  });
});
