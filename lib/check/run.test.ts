import { describe, expect, it } from "vitest";
import { RULES } from "./rules";
import { runCheck } from "./run";
import { goodContext } from "./test-context";

describe("Konzept-Check", () => {
  it("finds nothing in a complete concept", () => {
    expect(runCheck(goodContext())).toEqual([]);
  });

  it("lists errors before warnings before hints, each with rule, place and link", () => {
    const ctx = goodContext();
    ctx.settings.validUntil = "2025-12-31"; // error
    ctx.measures[0]!.leadOffice = ""; // warning
    ctx.measures[0]!.indicators[0] = { ...ctx.measures[0]!.indicators[0]!, unit: "" }; // hint
    const findings = runCheck(ctx);
    expect(findings.map((f) => f.severity)).toEqual(["error", "error", "warning", "hint"]);
    expect(findings[2]).toMatchObject({ rule: "massnahme-ohne-federfuehrung", place: { href: "/concepts/c1#measures-f1-m1", label: "M 2.1.1 Sprachkursberatung" } });
  });

  it("has unique rule ids and a description for the README", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    expect(RULES.every((r) => r.description.length > 10)).toBe(true);
  });
});
