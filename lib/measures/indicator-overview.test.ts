import { describe, expect, it } from "vitest";
import type { IndicatorDraft as Indicator } from "@/lib/measures/indicator-ids";
import { indicatorOverview } from "./indicator-overview";

const indicator = (name: string, more: Partial<Indicator> = {}): Indicator => ({ name, kind: "output", unit: "", baseline: "", target: "", dataSource: "", cadence: "", ...more });

describe("indicatorOverview", () => {
  it("lists every named indicator of the field's measures in order, named by the measure's code or number", () => {
    const rows = indicatorOverview(
      [
        { id: "m1", code: "", title: "Sprachcafé", indicators: [indicator("Teilnehmende", { unit: "Personen", baseline: "120", target: "400" })] },
        { id: "m2", code: "SP-02", title: "Elternkurse", indicators: [indicator("Kurse", { kind: "outcome" }), indicator("  ")] },
        { id: "m3", title: "Ohne Indikator", indicators: [] },
      ],
      "5.1",
    );
    expect(rows.map((r) => [r.measureLabel, r.measureTitle, r.name, r.kind, r.unit, r.baseline, r.target])).toEqual([
      ["M 5.1.1", "Sprachcafé", "Teilnehmende", "output", "Personen", "120", "400"],
      ["SP-02", "Elternkurse", "Kurse", "outcome", "", "", ""],
    ]);
  });
});
