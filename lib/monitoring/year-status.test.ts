import { describe, expect, it } from "vitest";
import { reportYears } from "./year-status";

describe("reportYears", () => {
  it("runs from the measure's start to the current year while it runs", () => {
    expect(reportYears({ startDate: "2026-03-01", endDate: null }, { from: "2026-01-01", until: "2030-12-31" }, 2028)).toEqual([2026, 2027, 2028]);
  });
  it("stops at the measure's end or the concept's validity", () => {
    expect(reportYears({ startDate: "2026-01-01", endDate: "2027-06-30" }, { from: "2026-01-01", until: "2030-12-31" }, 2029)).toEqual([2026, 2027]);
    expect(reportYears({ startDate: null, endDate: null }, { from: "2026-01-01", until: "2027-12-31" }, 2029)).toEqual([2026, 2027]);
  });
  it("falls back to the current year without any dates, and never lists more than 15 years", () => {
    expect(reportYears({ startDate: null, endDate: null }, { from: null, until: null }, 2027)).toEqual([2027]);
    expect(reportYears({ startDate: "1990-01-01", endDate: null }, { from: null, until: null }, 2027)).toHaveLength(15);
  });
  it("is empty for a measure that starts after the current year", () => {
    expect(reportYears({ startDate: "2029-01-01", endDate: null }, { from: null, until: null }, 2027)).toEqual([]);
  });
});
