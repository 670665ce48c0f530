import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { measureOutsideValidity } from "./measure-outside-validity";

describe(measureOutsideValidity.id, () => {
  it("flags a measure that ended before the validity or starts after it", () => {
    const ctx = goodContext();
    ctx.measures[0]!.startDate = "2023-09-01";
    ctx.measures[0]!.endDate = "2025-08-31";
    expect(measureOutsideValidity.run(ctx).map((f) => f.message)).toEqual([
      "M 2.1.1 „Sprachkursberatung“ (01.09.2023 – 31.08.2025) liegt außerhalb des Geltungszeitraums 01.01.2026 – 31.12.2030.",
    ]);
    ctx.measures[0]!.startDate = "2031-01-01";
    ctx.measures[0]!.endDate = null;
    expect(measureOutsideValidity.run(ctx)).toHaveLength(1);
  });

  it("accepts a long-running measure that overlaps the validity", () => {
    const ctx = goodContext();
    ctx.measures[0]!.startDate = "2012-09-01";
    ctx.measures[0]!.endDate = null;
    expect(measureOutsideValidity.run(ctx)).toEqual([]);
  });
});
