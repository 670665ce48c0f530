import { describe, expect, it } from "vitest";
import { musterstadtConcept as seed } from "@/lib/demo/seed-data/musterstadt";
import { computeFunding } from "./compute";
import { fundingView } from "./view";
import type { FundingMeasure } from "./types";

/*
 * Chapter 7 of the Musterstadt demo concept, checked by hand (default rate
 * 80.000 € per VZÄ and year; all amounts in € per year):
 *
 *  Maßnahme                      Status   VZÄ   Personal  Sach    Gesamt   Förderung (Quelle)                  extern  Eigenanteil
 *  Sprachkursberatung            laufend  1,5   120.000   18.000  138.000  Land 52.000 (bis 2027), Kom 65.000   52.000   86.000
 *  Elternintegrationskurse       geplant  0,75   60.000   42.000  102.000  Bund 98.000, Kom 36.000             98.000    4.000
 *  Sprachcafés                   verst.   1      80.000   25.000  105.000  Land 38.000 (bis 2026), Kom 12.000   38.000   67.000
 *  Case Management (KIM)         laufend  6     480.000   30.000  510.000  Land 396.000 (bis 2027), Kom 44.000 396.000  114.000
 *  Anerkennungsberatung          geplant  2     160.000   28.000  188.000  EU 85.000 (bis 2028), Kom 60.000     85.000  103.000
 *  Frauen in Arbeit              ABGESCHLOSSEN – nicht im Finanzplan (1,5 VZÄ, Förderung 135.000)
 *  Erstberatung Schulplatz (P)   verst.   3     240.000    9.000  249.000  Land 180.000, Kom 65.000            180.000   69.000
 *  Rucksack KiTa                 verst.   1      80.000   14.000   94.000  Kom 30.000, Land 15.000 (bis 2026)   15.000   79.000
 *  Brückenangebote               geplant  2     160.000   35.000  195.000  Land 60.000 (bis 07/2028), Kom 24.000 60.000 135.000
 *  Auszugsmanagement (P)         laufend  2     160.000   12.000  172.000  Kom 158.000                              0  172.000
 *  Servicestelle Antidiskr.      geplant  1,5   120.000   22.000  142.000  Land 90.000, Kom 25.000, Dritte 5.000 95.000   47.000
 *  Summe Finanzplan (10)                 20,75 1.660.000 235.000 1.895.000 Förderung 1.538.000           1.019.000  876.000
 *
 * By source: Kommune 10 Linien 519.000; Land 7 Linien 831.000; Bund 98.000; EU 85.000; Dritte 5.000 (= 1.538.000).
 * Pflicht: 2 Maßnahmen, 5 VZÄ, 421.000; freiwillig: 8 Maßnahmen, 15,75 VZÄ, 1.474.000.
 * (The old overview counted the completed measure: 1.673.000 € and 22,25 VZÄ.)
 *
 * 2026 (validity 2026–2030), months: Elternkurse 11 (ab Feb), Anerkennung 9 (ab Apr), Brücken 5 (ab Aug),
 * Servicestelle 6 (ab Jul), the rest 12. Cost: 138.000 + 93.500 + 105.000 + 510.000 + 141.000 + 249.000
 * + 94.000 + 81.250 + 172.000 + 71.000 = 1.654.750.
 * 2030: only the open-ended Sprachcafés, Erstberatung, Rucksack run: cost 105.000 + 249.000 + 94.000 = 448.000;
 * funding Land 180.000 (KOMM-AN ended 2026) + Kom 12.000 + 65.000 + 30.000 = 287.000; own share
 * 105.000 + 69.000 + 94.000 = 268.000; 5 VZÄ.
 *
 * Cliff: 2027 KOMM-AN NRW 38.000 + 15.000 = 53.000 (Sprachcafés, Rucksack: 2 VZÄ); 2028 Brückenprojekte
 * 60.000 + Bürgerstiftung 5.000 = 65.000 (3,5 VZÄ); 2029 ESF Plus 85.000 (2 VZÄ). KIM ends with its measures
 * (31.12.2027) and is no cliff. Five measures outlast their funding, all voluntary.
 */
function demoMeasures(): FundingMeasure[] {
  const fields = [...Object.entries(seed.fields), ...seed.customFields.map((f) => [f.key, f] as const)];
  return fields.flatMap(([key, f]) =>
    (f?.measures ?? []).map((m, i) => ({
      id: `${key}/${i}`,
      number: `${key} ${i + 1}`,
      title: m.title,
      fieldKey: key,
      taskType: m.taskType,
      status: m.status ?? "planned",
      startDate: m.startDate ?? null,
      endDate: m.endDate ?? null,
      staffFte: m.staffFte ?? null,
      materialCostCents: m.materialCostCents ?? null,
      fundingLines: m.fundingLines ?? [],
    })),
  );
}

describe("demo concept, chapter 7", () => {
  const r = computeFunding({
    validFrom: seed.settings.validFrom ?? null,
    validUntil: seed.settings.validUntil ?? null,
    staffCostPerFteCents: null,
    fields: [],
    measures: demoMeasures(),
  });
  const euro = (e: number) => e * 100;

  it("adds up the running plan as checked by hand", () => {
    expect(r.plan).toMatchObject({
      measures: 10,
      staffFte: "20.75",
      staffCostCents: euro(1_660_000),
      materialCostCents: euro(235_000),
      totalCostCents: euro(1_895_000),
      fundingCents: euro(1_538_000),
      externalFundingCents: euro(1_019_000),
      ownShareCents: euro(876_000),
    });
    expect(r.excluded.map((x) => [x.title, x.externalFundingCents / 100])).toEqual([[expect.stringContaining("Frauen in Arbeit"), 135_000]]);
    expect(Object.fromEntries(r.bySource.map((s) => [s.source, [s.lines, s.centsPerYear / 100]]))).toEqual({
      municipal: [10, 519_000],
      state: [7, 831_000],
      federal: [1, 98_000],
      eu: [1, 85_000],
      thirdParty: [1, 5_000],
    });
    expect(r.byTaskType.map((t) => [t.taskType, t.measures, t.staffFte, t.totalCostCents / 100])).toEqual([
      ["mandatory", 2, "5", 421_000],
      ["voluntary", 8, "15.75", 1_474_000],
    ]);
  });

  it("spreads the years over the validity as checked by hand", () => {
    expect(r.byYear.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(r.byYear[0]!.totalCostCents).toBe(euro(1_654_750));
    // VZÄ by the same months: 1,5 + 0,75·11/12 + 1 + 6 + 2·9/12 + 3 + 1 + 2·5/12 + 2 + 1,5·6/12, each to hundredths.
    expect(r.byYear[0]!.staffFte).toBe("18.27");
    expect(r.byYear[4]).toMatchObject({ totalCostCents: euro(448_000), fundingCents: euro(287_000), ownShareCents: euro(268_000), staffFte: "5", measures: 3 });
  });

  it("the tables a council reads add up: Förderung and the municipal share make the total cost in every row", () => {
    // The municipality's own budget lines (Kommune 519.000 €) are part of its share, not Förderung: counted as both,
    // the plan's row read 1.895.000 € total, 1.538.000 € Förderung and 876.000 € own share.
    const view = fundingView(r);
    const amount = (cell: string) => Number(cell.replace(/[^\d]/g, ""));
    const costTables = view.tables.filter((t) => t.columns.some((c) => c.label === "Förderung pro Jahr"));
    expect(costTables.map((t) => t.id)).toEqual(["handlungsfeld", "aufgabenart"]);
    for (const t of costTables) {
      const col = (label: string) => t.columns.findIndex((c) => c.label === label);
      const [total, funding, own] = [col("Gesamtkosten pro Jahr"), col("Förderung pro Jahr"), col("Kommunaler Anteil pro Jahr")];
      for (const row of t.rows) expect(amount(row.cells[funding]!) + amount(row.cells[own]!), `${t.caption}: ${row.cells[0]}`).toBe(amount(row.cells[total]!));
    }
    const sum = costTables[0]!.rows.find((row) => row.total)!;
    expect(sum.cells.map((c) => c.replace(/\s/g, " "))).toContain("1.019.000 €");
  });

  it("shows the funding cliff as checked by hand", () => {
    expect(r.cliff.years.map((y) => [y.year, y.cents / 100, y.staffFte])).toEqual([
      [2027, 53_000, "2"],
      [2028, 65_000, "3.5"],
      [2029, 85_000, "2"],
    ]);
    expect(r.cliff.summary.replace(/\u00a0/g, " ")).toBe(
      "5 Förderungen enden vor dem Ende ihrer Maßnahme, zusammen 203.000 € pro Jahr, die je ab ihrem Ende bis zum Ende der Maßnahme fehlen. Am meisten fällt 2029 weg: 85.000 € pro Jahr, bei 2 VZÄ in den betroffenen Maßnahmen. 5 Maßnahmen laufen länger als ihre Förderung, davon 5 freiwillige Aufgaben.",
    );
    expect(r.cliff.measures).toHaveLength(5);
    expect(r.cliff.measures.every((m) => m.voluntary)).toBe(true);
  });
});
