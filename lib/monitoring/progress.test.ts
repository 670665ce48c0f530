import { describe, expect, it } from "vitest";
import { readIndicatorNumber } from "./number";
import { indicatorProgress, isNumericIndicator, latestValue, missedTarget, type ObservedValue } from "./progress";

const v = (observedOn: string, number: number | null, text = ""): ObservedValue => ({ observedOn, number, text });
const ind = (baseline: string, target: string) => ({ baseline, target });

describe("readIndicatorNumber", () => {
  it.each([
    ["1.200", 1200],
    ["45 %", 45],
    ["12,5", 12.5],
    ["ca. 40", 40],
    ["-3", -3],
    ["0", 0],
    ["mind. 1.000,5", 1000.5],
  ])("reads %s as %d", (text, n) => expect(readIndicatorNumber(text)).toBe(n));

  it.each(["", "hoch", "1.5", "12 Personen", "1,2,3"])("reads %j as no number", (text) => expect(readIndicatorNumber(text)).toBeNull());
});

describe("indicatorProgress", () => {
  it("goes the share of the way from baseline to target, in whole percent", () => {
    const p = indicatorProgress(ind("120", "200"), [v("2026-12-31", 140), v("2027-12-31", 170)]);
    expect(p).toMatchObject({ kind: "numeric", direction: "increase", baseline: 120, target: 200, percent: 63, state: "progress", latest: { observedOn: "2027-12-31", number: 170 } });
  });

  it("counts down when the target is below the baseline (waiting weeks)", () => {
    expect(indicatorProgress(ind("12", "4"), [v("2027-06-30", 10)])).toMatchObject({ direction: "decrease", percent: 25, state: "progress" });
    expect(indicatorProgress(ind("12", "4"), [v("2027-06-30", 3)])).toMatchObject({ percent: 100, state: "reached" });
  });

  it("clamps: past the target is 100 and reached, on the wrong side of the baseline is 0", () => {
    expect(indicatorProgress(ind("10", "20"), [v("2027-01-01", 25)])).toMatchObject({ percent: 100, state: "reached" });
    expect(indicatorProgress(ind("10", "20"), [v("2027-01-01", 20)])).toMatchObject({ percent: 100, state: "reached" });
    expect(indicatorProgress(ind("10", "20"), [v("2027-01-01", 8)])).toMatchObject({ percent: 0, state: "no_progress" });
    expect(indicatorProgress(ind("10", "20"), [v("2027-01-01", 10)])).toMatchObject({ percent: 0, state: "no_progress" });
  });

  it("reads a target 'unter 12' as met only below 12", () => {
    expect(indicatorProgress(ind("16", "unter 12"), [v("2027-01-01", 12)])).toMatchObject({ percent: 99, state: "progress" });
    expect(indicatorProgress(ind("16", "unter 12"), [v("2027-01-01", 11)])).toMatchObject({ percent: 100, state: "reached" });
    expect(indicatorProgress(ind("16", "12"), [v("2027-01-01", 12)])).toMatchObject({ percent: 100, state: "reached" });
  });

  it("never rounds up to 100 % short of the target", () => {
    // 85 → 900 with 897: 99.6 % of the way, still 3 short.
    expect(indicatorProgress(ind("85", "900"), [v("2027-01-01", 897)])).toMatchObject({ percent: 99, state: "progress" });
  });

  it("reads baselines and targets as offices write them", () => {
    expect(indicatorProgress(ind("45 %", "ca. 60 %"), [v("2027-01-01", 51)])).toMatchObject({ baseline: 45, target: 60, percent: 40 });
    expect(indicatorProgress(ind("1.200", "2.000"), [v("2027-01-01", 1600)])).toMatchObject({ percent: 50 });
  });

  it("uses the latest day, not the order of entry, and the last entered of one day", () => {
    const values = [v("2028-12-31", 180), v("2026-12-31", 130), v("2028-12-31", 190)];
    expect(indicatorProgress(ind("100", "200"), values)).toMatchObject({ percent: 90, latest: { number: 190 } });
    expect(latestValue([])).toBeNull();
  });

  it("has no value yet without a numeric Ist-Wert", () => {
    expect(indicatorProgress(ind("100", "200"), [])).toMatchObject({ kind: "numeric", percent: null, state: "no_value", latest: null });
    expect(indicatorProgress(ind("100", "200"), [v("2027-01-01", null, "nicht erhoben")])).toMatchObject({ percent: null, state: "no_value" });
  });

  it("is a status where baseline or target is no number, or both are the same", () => {
    expect(indicatorProgress(ind("hoch", "höher"), [])).toEqual({ kind: "status", reason: "not_numeric", latest: null, state: "no_value" });
    expect(indicatorProgress(ind("", "100"), [v("2027-01-01", null, "gestiegen")])).toMatchObject({ kind: "status", reason: "not_numeric", state: "recorded", latest: { text: "gestiegen" } });
    expect(indicatorProgress(ind("50", "50"), [v("2027-01-01", 50)])).toMatchObject({ kind: "status", reason: "target_is_baseline", state: "recorded" });
  });

  it("names the indicators that missed their target", () => {
    expect(missedTarget(indicatorProgress(ind("10", "20"), [v("2027-01-01", 15)]))).toBe(true);
    expect(missedTarget(indicatorProgress(ind("10", "20"), []))).toBe(true);
    expect(missedTarget(indicatorProgress(ind("10", "20"), [v("2027-01-01", 21)]))).toBe(false);
    expect(missedTarget(indicatorProgress(ind("gut", "besser"), []))).toBe(false);
    expect(isNumericIndicator(ind("10", "20"))).toBe(true);
    expect(isNumericIndicator(ind("10", "10"))).toBe(false);
  });
});
