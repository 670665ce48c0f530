import { describe, expect, it } from "vitest";
import { intersect, monthRange, monthsInYear, share, yearAfter } from "./months";

describe("months of a year", () => {
  it("counts the months a period touches", () => {
    const r = monthRange("2026-03-01", "2027-06-15");
    expect(monthsInYear(r, 2025)).toBe(0);
    expect(monthsInYear(r, 2026)).toBe(10);
    expect(monthsInYear(r, 2027)).toBe(6);
    expect(monthsInYear(monthRange(null, null), 2040)).toBe(12);
  });

  it("clips to another range (the concept's validity, a funding line's end)", () => {
    const r = intersect(monthRange("2020-01-01", null), monthRange("2026-01-01", "2030-12-31"));
    expect(monthsInYear(r, 2025)).toBe(0);
    expect(monthsInYear(r, 2031)).toBe(0);
    expect(monthsInYear(r, 2030)).toBe(12);
    expect(intersect(monthRange("2020-01-01", "2021-01-01"), monthRange("2026-01-01", null))).toBeNull();
  });

  it("spreads a yearly amount over months, rounded half up", () => {
    expect(share(12_000, 12)).toBe(12_000);
    expect(share(12_000, 5)).toBe(5_000);
    expect(share(9_800_000, 11)).toBe(8_983_333);
    expect(share(6, 1)).toBe(1); // 0,5 ct → 1 ct
    expect(share(5, 1)).toBe(0);
  });

  it("names the first year a line no longer pays in full", () => {
    expect(yearAfter("2027-12-31")).toBe(2028);
    expect(yearAfter("2028-07-31")).toBe(2028);
  });
});
