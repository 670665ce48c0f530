import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { indicatorProgress } from "@/lib/monitoring/progress";
import type { MonitoringIndicator } from "@/lib/monitoring/report";
import { indicatorSummary } from "@/lib/monitoring/text";
import { ProgressChart } from "./progress-chart";

function indicator(values: [string, number | null][], baseline = "1.350", target = "2.000"): MonitoringIndicator {
  const vs = values.map(([observedOn, number], i) => ({ id: `v${i}`, observedOn, number, text: number === null ? "nicht erhoben" : "", source: "", note: "", by: null, at: "" }));
  const progress = indicatorProgress({ baseline, target }, vs);
  return { id: "i", name: "Beratungen", kind: "output", unit: "Anzahl", baseline, target, dataSource: "", cadence: "", numeric: true, values: vs, progress, missed: true };
}

describe("ProgressChart", () => {
  it("draws the values as a line with a point each, baseline and target as labelled lines, with title and summary", () => {
    const x = indicator([["2023-12-31", 1500], ["2024-12-31", 1700], ["2025-12-31", 1870]]);
    const svg = renderToStaticMarkup(<ProgressChart id="c1" indicator={x} summary={indicatorSummary(x)} />);
    expect(svg).toContain('<title id="c1-title">Verlauf: Beratungen</title>');
    expect(svg).toContain("3 Ist-Werte von 31.12.2023 bis 31.12.2025, zuletzt 1.870 Anzahl am 31.12.2025");
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toContain("Basis 1.350");
    expect(svg).toContain("Ziel 2.000");
    for (const year of ["2023", "2024", "2025"]) expect(svg).toContain(`>${year}</text>`);
    // the line runs upward: the last point is higher (a smaller y) than the first
    const ys = [...svg.matchAll(/<circle cx="[\d.]+" cy="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(ys[2]!).toBeLessThan(ys[0]!);
  });

  it("draws nothing without a numeric value (the table and the summary say it)", () => {
    expect(renderToStaticMarkup(<ProgressChart id="c2" indicator={indicator([["2025-12-31", null]])} summary="" />)).toBe("");
  });

  it("draws a single value without dividing by zero", () => {
    const svg = renderToStaticMarkup(<ProgressChart id="c3" indicator={indicator([["2025-12-31", 50]], "50", "50")} summary="" />);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg.match(/<circle /g)).toHaveLength(1);
  });
});
