import { describe, expect, it } from "vitest";
import type { MonitoringField, MonitoringMeasure } from "./report";
import { indicatorProgress } from "./progress";
import { updateStartingPoint } from "./update";

const indicator = (id: string, baseline: string, target: string, values: { observedOn: string; number: number | null; text: string }[]) => {
  const progress = indicatorProgress({ baseline, target }, values);
  return {
    id,
    name: `Indikator ${id}`,
    kind: "output" as const,
    unit: "Personen",
    baseline,
    target,
    dataSource: "",
    cadence: "",
    numeric: true,
    values: values.map((v, i) => ({ ...v, id: `${id}-${i}`, source: "", note: "", by: null, at: "" })),
    progress,
    missed: progress.kind === "numeric" && progress.state !== "reached",
  };
};
const measure = (id: string, more: Partial<MonitoringMeasure>): MonitoringMeasure => ({
  id,
  label: `M 5.1.${id}`,
  title: `Maßnahme ${id}`,
  status: "running",
  startDate: "2024-01-01",
  endDate: null,
  ended: false,
  years: [],
  yearStatuses: [],
  indicators: [],
  ...more,
});

describe("updateStartingPoint", () => {
  it("lists ended measures and the indicators that missed their target with their latest value", () => {
    const fields: MonitoringField[] = [
      {
        id: "f",
        key: "language",
        title: "Sprache",
        number: "5.1",
        measures: [
          measure("1", { endDate: "2025-12-31", ended: true, indicators: [indicator("a", "100", "200", [{ observedOn: "2025-12-31", number: 150, text: "" }])] }),
          measure("2", { status: "completed", ended: true, indicators: [indicator("b", "10", "20", [{ observedOn: "2025-12-31", number: 25, text: "" }])] }),
          measure("3", { indicators: [indicator("c", "14", "8", [])] }),
        ],
      },
    ];
    const point = updateStartingPoint(fields);
    expect(point.ended).toEqual([
      { measureId: "1", label: "M 5.1.1", title: "Maßnahme 1", why: "Ende 31.12.2025 überschritten" },
      { measureId: "2", label: "M 5.1.2", title: "Maßnahme 2", why: "abgeschlossen" },
    ]);
    expect(point.missed.map((m) => [m.label, m.name, m.range, m.latest, m.progress])).toEqual([
      ["M 5.1.1", "Indikator a", "100 → 200 Personen", "150 Personen am 31.12.2025", "50 % des Wegs zum Ziel"],
      ["M 5.1.3", "Indikator c", "14 → 8 Personen", "kein Ist-Wert", "noch kein Wert"],
    ]);
  });
});
