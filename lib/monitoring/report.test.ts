import { describe, expect, it } from "vitest";
import { buildMonitoring } from "./report";
import { buildSachstand } from "./sachstand";
import { computeFunding } from "@/lib/funding/compute";

const FIELD = { id: "f1", key: "language", title: "Sprache", position: 0 };
const OTHER = { id: "f2", key: "work", title: "Arbeit und Ausbildung", position: 1 };
const ind = (id: string, baseline: string, target: string) => ({ id, name: `Indikator ${id}`, kind: "output" as const, unit: "Personen", baseline, target, dataSource: "", cadence: "" });
const measure = (id: string, fieldId: string, position: number, more: Record<string, unknown> = {}) => ({
  id,
  fieldId,
  position,
  code: "",
  title: `Maßnahme ${id}`,
  status: "running" as const,
  startDate: "2026-01-01",
  endDate: null as string | null,
  indicators: [] as ReturnType<typeof ind>[],
  ...more,
});
const at = new Date("2027-05-01T10:00:00Z");
const value = (measureId: string, indicatorId: string, observedOn: string, n: string | null, text = "") => ({
  id: `${measureId}-${observedOn}`,
  measureId,
  indicatorId,
  observedOn,
  valueNumber: n,
  valueText: text,
  source: "Statistik",
  note: "",
  createdAt: at,
  createdByName: "Jonas Brandt",
});

function rows() {
  return {
    templateVersion: 1,
    settings: { validFrom: "2026-01-01", validUntil: "2030-12-31" },
    fields: [OTHER, FIELD],
    measures: [
      measure("m2", "f1", 1, { code: "SP-02", endDate: "2026-12-31", indicators: [ind("i2", "gut", "besser")] }),
      measure("m1", "f1", 0, { indicators: [ind("i1", "100", "200")] }),
      measure("m3", "f2", 0, { indicators: [ind("i3", "10", "20")] }),
    ],
    values: [value("m1", "i1", "2026-12-31", "150.000000"), value("m1", "i1", "2027-03-31", "180"), value("m1", "gone", "2027-03-31", "1"), value("m2", "i2", "2026-12-31", null, "gleich")],
    yearStatuses: [
      { measureId: "m1", year: 2026, status: "implemented" as const, note: "", updatedAt: at, updatedByName: null },
      { measureId: "m2", year: 2026, status: "not_implemented" as const, note: "Träger fehlt", updatedAt: at, updatedByName: "Jonas Brandt" },
    ],
    today: "2027-05-01",
  };
}

describe("buildMonitoring", () => {
  it("numbers fields and measures as the concept does, and attaches values and statuses to the right indicator", () => {
    const r = buildMonitoring(rows());
    expect(r.fields.map((f) => [f.number, f.key])).toEqual([
      ["5.1", "language"],
      ["5.2", "work"],
    ]);
    const [m1, m2] = r.fields[0]!.measures;
    expect([m1!.label, m2!.label]).toEqual(["M 5.1.1", "SP-02"]);
    expect(m1!.indicators[0]!.values.map((v) => v.number)).toEqual([150, 180]);
    expect(m1!.indicators[0]!.progress).toMatchObject({ percent: 80, state: "progress" });
    expect(m1!.years).toEqual([2026, 2027]);
    expect(m2!.ended).toBe(true);
    expect(m1!.ended).toBe(false);
    expect(m2!.yearStatuses).toMatchObject([{ year: 2026, status: "not_implemented", note: "Träger fehlt" }]);
  });

  it("sums up the last year with a status and the indicators; one without a value is not counted as short of its target", () => {
    expect(buildMonitoring(rows()).summary).toEqual({
      measures: 3,
      year: 2026,
      byStatus: { implemented: 1, partial: 0, not_implemented: 1, none: 1 },
      notRunning: 0,
      indicators: 3,
      withValues: 2,
      numeric: 2,
      reached: 0,
      missed: 2,
      behind: 1,
      unmeasured: 1,
    });
  });

  it("expects no status of a measure that does not run in the report year", () => {
    const r = rows();
    r.measures.push(measure("m4", "f2", 1, { startDate: "2024-01-01", endDate: "2025-06-30" }));
    const summary = buildMonitoring(r).summary;
    expect(summary).toMatchObject({ measures: 4, year: 2026, byStatus: { implemented: 1, partial: 0, not_implemented: 1, none: 1 }, notRunning: 1 });
  });

  it("shows one field when asked", () => {
    const r = buildMonitoring(rows(), "work");
    expect(r.fields.map((f) => f.key)).toEqual(["work"]);
    expect(r.summary.measures).toBe(1);
  });
});

describe("buildSachstand", () => {
  it("states each measure's status, the indicators' progress and the funding of the report year", () => {
    const monitoring = buildMonitoring(rows());
    const funding = computeFunding({
      validFrom: "2026-01-01",
      validUntil: "2030-12-31",
      staffCostPerFteCents: null,
      fields: [{ key: "language", title: "Sprache" }],
      measures: [
        {
          id: "m1",
          number: "M 5.1.1",
          title: "Maßnahme m1",
          fieldKey: "language",
          taskType: "voluntary",
          status: "running",
          startDate: "2026-01-01",
          endDate: null,
          staffFte: null,
          materialCostCents: 1_000_000,
          fundingLines: [{ source: "federal", programme: "Bundesprogramm", amountCents: 400_000, until: null }],
        },
      ],
    });
    // Intl writes a no-break space before the euro sign.
    const model = JSON.parse(
      JSON.stringify(buildSachstand({ title: "Konzept", municipality: "Musterstadt", conceptStatus: "Beschlossen", date: "01.05.2027", monitoring, funding })).replace(/\u00a0/g, " "),
    ) as ReturnType<typeof buildSachstand>;
    expect(model.meta.reportYear).toBe(2026);
    expect(model.summary[1]).toBe("3 Indikatoren, davon 2 mit Ist-Werten; 2 mit Zahlen für Basis- und Zielwert, davon 0 am Ziel, 1 noch nicht und 1 noch ohne Ist-Wert.");
    expect(model.funding.rows).toEqual([["Bund", "4.000,00 €"]]);
    const m1 = model.fields[0]!.measures[0]!;
    expect(m1.facts).toContainEqual(["Umsetzungsstand 2026", "umgesetzt"]);
    expect(m1.facts).toContainEqual(["Kosten und Förderung pro Jahr", "10.000,00 € Kosten, davon 4.000,00 € Förderung"]);
    expect(m1.indicators[0]).toMatchObject({ range: "100 → 200 Personen", progress: "80 % des Wegs zum Ziel" });
    expect(m1.indicators[0]!.values).toEqual([
      ["31.12.2026", "150 Personen", "Statistik"],
      ["31.03.2027", "180 Personen", "Statistik"],
    ]);
    const m2 = model.fields[0]!.measures[1]!;
    expect(m2.facts).toContainEqual(["Status", "laufend (beendet)"]);
    expect(m2.years).toEqual([["2026", "nicht umgesetzt", "Träger fehlt"]]);
    expect(model.fields.map((f) => f.title)).toEqual(["5.1 Sprache", "5.2 Arbeit und Ausbildung"]);
  });
});
