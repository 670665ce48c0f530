import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { updateCycleMissing, validity } from "./settings";

describe(updateCycleMissing.id, () => {
  it("flags a missing update cycle", () => {
    const ctx = goodContext();
    ctx.settings.updateCycleYears = null;
    expect(updateCycleMissing.run(ctx)[0]?.place.href).toBe("/concepts/c1#kapitel-update");
  });
});

describe(validity.id, () => {
  it("flags a missing validity and one that is over, not one ending today", () => {
    const ctx = goodContext();
    ctx.settings.validUntil = null;
    expect(validity.run(ctx).map((f) => f.key)).toEqual(["geltungsdauer:fehlt"]);
    ctx.settings.validUntil = "2026-05-31";
    expect(validity.run(ctx).map((f) => f.message)).toEqual(["Der Geltungszeitraum ist am 31.05.2026 abgelaufen; eine Fortschreibung ist fällig."]);
    ctx.settings.validUntil = ctx.today;
    expect(validity.run(ctx)).toEqual([]);
  });
});
