import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { measureWithoutFunding, measureWithoutIndicator, measureWithoutLeadOffice, measureWithoutPeriod } from "./measure-fields";

describe("measure without lead office, period, indicator, funding", () => {
  it("flags each missing piece once", () => {
    const ctx = goodContext();
    Object.assign(ctx.measures[0]!, { leadOffice: "  ", startDate: null, indicators: [], fundingLines: [] });
    expect(measureWithoutLeadOffice.run(ctx).map((f) => f.message)).toEqual(["M 2.1.1 „Sprachkursberatung“ hat keine Federführung."]);
    expect(measureWithoutPeriod.run(ctx)).toHaveLength(1);
    expect(measureWithoutIndicator.run(ctx)).toHaveLength(1);
    expect(measureWithoutFunding.run(ctx)).toHaveLength(1);
  });

  it("asks no indicator or funding of a completed measure", () => {
    const ctx = goodContext();
    Object.assign(ctx.measures[0]!, { status: "completed", indicators: [], fundingLines: [] });
    expect(measureWithoutIndicator.run(ctx)).toEqual([]);
    expect(measureWithoutFunding.run(ctx)).toEqual([]);
  });
});
