import { describe, expect, it } from "vitest";
import { goodContext } from "../test-context";
import { indicatorIncomplete, isNumericValue } from "./indicator-incomplete";

describe(indicatorIncomplete.id, () => {
  it("knows numbers as offices write them", () => {
    for (const ok of ["120", "1.200", "35 %", "12,5", "ca. 40", "> 90 %"]) expect(isNumericValue(ok)).toBe(true);
    for (const no of ["", "hoch", "deutlich mehr", "1.2.3", "12,5,1"]) expect(isNumericValue(no)).toBe(false);
  });

  it("names every gap of an indicator in one finding", () => {
    const ctx = goodContext();
    ctx.measures[0]!.indicators = [{ id: "00000000-0000-4000-8000-00000000a002", name: "Zufriedenheit", kind: "outcome", unit: "", baseline: "hoch", target: "höher", dataSource: "", cadence: "jährlich" }];
    expect(indicatorIncomplete.run(ctx).map((f) => f.message)).toEqual([
      "M 2.1.1, Indikator „Zufriedenheit“: es fehlt Basiswert als Zahl, Zielwert als Zahl, Einheit, Datenquelle.",
    ]);
  });
});
