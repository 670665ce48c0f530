import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import {
  buildConceptExport,
  exportFileName,
  importedTitle,
  parseConceptExport,
  planImportRows,
  type ConceptExport,
  type ExportSource,
} from "./exchange";

const doc = (text: string): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

describe("round trip (pure)", () => {
  const F1 = "00000000-0000-4000-8000-000000000001";
  const F2 = "00000000-0000-4000-8000-000000000002";
  const G1 = "00000000-0000-4000-8000-0000000000a1";
  const G2 = "00000000-0000-4000-8000-0000000000a2";
  const G3 = "00000000-0000-4000-8000-0000000000a3";
  const table: JSONContent = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Kennzahlen" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Quelle: " },
          { type: "text", text: "Statistik", marks: [{ type: "link", attrs: { href: "https://example.org", target: null, rel: "noopener noreferrer nofollow", class: null } }] },
          { type: "text", text: " fett", marks: [{ type: "bold" }] },
        ],
      },
      { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Punkt" }] }] }] },
    ],
  };

  const source: ExportSource = {
    concept: {
      title: "Integrationskonzept Landkreis Süd",
      templateVersion: 1,
      status: "draft",
      settings: { validFrom: "2025-01-01", validUntil: "2029-12-31", wholeSociety: true, orgModel: "staff_unit", updateCycleYears: 5 },
    },
    // stored out of order and with a gap in positions
    fields: [
      { id: F2, key: "antidiskriminierung", title: "Antidiskriminierung", custom: true, position: 7 },
      { id: F1, key: "language", title: "Sprache", custom: false, position: 0 },
    ],
    sections: [
      { fieldId: F2, chapter: "fields", part: "goal", content: doc("Leitziel AD"), revision: 2 },
      { fieldId: null, chapter: "mandate", part: "text", content: doc("Ratsbeschluss vom 1. März"), revision: 5 },
      { fieldId: null, chapter: "baseline", part: "text", content: table, revision: 1 },
      { fieldId: F1, chapter: "fields", part: "baseline", content: doc("Ausgangslage Sprache"), revision: 0 },
      { fieldId: F1, chapter: "fields", part: "goal", content: doc("Leitziel Sprache"), revision: 9 },
      { fieldId: F2, chapter: "fields", part: "baseline", content: doc("Ausgangslage AD"), revision: 0 },
      ...["vision", "governance", "participation_process", "funding", "monitoring", "update", "demands"].map((chapter) => ({
        fieldId: null,
        chapter,
        part: "text",
        content: doc(`Text ${chapter}`),
        revision: 1,
      })),
    ],
    subGoals: [
      { id: G3, fieldId: F2, text: "Beratungsstelle einrichten", position: 0 },
      { id: G2, fieldId: F1, text: "Wartezeiten senken", position: 1 },
      { id: G1, fieldId: F1, text: "Mehr Kursplätze", position: 0 },
    ],
    measures: [
      {
        id: "m-1",
        fieldId: F1,
        position: 1,
        title: "Kita-Einstieg",
        code: "KI-01",
        description: table,
        subGoalIds: [G2, G1, "00000000-0000-4000-8000-0000000000ff"],
        targetGroups: ["Familien"],
        taskType: "mandatory",
        leadOffice: "Jugendamt",
        partners: [],
        status: "running",
        startDate: "2024-09-01",
        endDate: "2026-08-31",
        priority: "high",
        staffFte: "1.50",
        materialCostCents: 2500000,
        staffCostPerFteCents: 7800000,
        fundingLines: [
          { source: "federal", programme: "Kita-Einstieg", amountCents: 2000000, until: "2026-12-31" },
          { source: "municipal", programme: "Eigenanteil", amountCents: 500000, until: null },
        ],
        indicators: [
          { id: "00000000-0000-4000-8000-0000000000d1", name: "Teilnehmende Familien", kind: "output", unit: "Anzahl", baseline: "0", target: "120", dataSource: "Jugendamt", cadence: "jährlich" },
        ],
      },
      {
        id: "m-2",
        fieldId: F1,
        position: 0,
        title: "Sprachcafé",
        code: "",
        description: doc("Wöchentlich"),
        subGoalIds: [],
        targetGroups: [],
        taskType: "voluntary",
        leadOffice: "",
        partners: ["VHS", "Caritas"],
        status: "planned",
        startDate: null,
        endDate: null,
        priority: "medium",
        staffFte: null,
        materialCostCents: null,
        staffCostPerFteCents: null,
        fundingLines: [],
        indicators: [],
      },
      {
        id: "m-3",
        fieldId: F2,
        position: 0,
        title: "Beratung",
        code: "",
        description: doc("Beratung"),
        subGoalIds: [G3],
        targetGroups: [],
        taskType: "voluntary",
        leadOffice: "Integrationsbüro",
        partners: [],
        status: "established",
        startDate: null,
        endDate: null,
        priority: "low",
        staffFte: "0.25",
        materialCostCents: 0,
        staffCostPerFteCents: null,
        fundingLines: [],
        indicators: [],
      },
    ],
  };

  /** What the database holds after importConcept: insertConcept's sections (revision 0) plus planImportRows' rows. */
  function simulateImport(exported: ConceptExport): ExportSource {
    const parsed = parseConceptExport(JSON.parse(JSON.stringify(exported)));
    if (!parsed.ok) throw new Error(parsed.error);
    const v = parsed.value;
    let n = 0;
    const newId = () => `10000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
    const fieldIds = new Map(v.fields.map((f) => [f.key, newId()]));
    const rows = planImportRows(v, { conceptId: newId(), municipalityId: newId(), userId: newId(), fieldIds, newId });
    return {
      concept: v.concept,
      fields: v.fields.map((f) => ({ id: fieldIds.get(f.key)!, key: f.key, title: f.title, custom: f.custom, position: f.position })),
      sections: v.sections.map((s) => ({
        fieldId: s.fieldKey === null ? null : fieldIds.get(s.fieldKey)!,
        chapter: s.chapter,
        part: s.part,
        content: s.content,
        revision: 0,
      })),
      subGoals: rows.subGoals,
      measures: rows.measures.map((m, i) => ({
        id: `m-${i}`,
        fieldId: m.fieldId,
        position: m.position,
        title: m.title,
        code: m.code ?? "",
        description: m.description,
        subGoalIds: m.subGoalIds ?? [],
        targetGroups: m.targetGroups ?? [],
        taskType: m.taskType,
        leadOffice: m.leadOffice ?? "",
        partners: m.partners ?? [],
        status: m.status ?? "planned",
        startDate: m.startDate ?? null,
        endDate: m.endDate ?? null,
        priority: m.priority ?? "medium",
        // numeric(6,2) comes back with two decimals
        staffFte: m.staffFte === null || m.staffFte === undefined ? null : Number(m.staffFte).toFixed(2),
        materialCostCents: m.materialCostCents ?? null,
        staffCostPerFteCents: m.staffCostPerFteCents ?? null,
        fundingLines: m.fundingLines ?? [],
        indicators: m.indicators ?? [],
      })),
    };
  }

  const withoutVolatile = (e: ConceptExport) => ({ ...e, exportedAt: "", sections: e.sections.map((s) => ({ ...s, revision: 0 })) });

  it("exports deterministically, without ids, with refs for sub-goals", () => {
    const first = buildConceptExport(source, new Date("2025-03-01T10:00:00Z"));
    const again = buildConceptExport({ ...source, sections: [...source.sections].reverse(), measures: [...source.measures].reverse() }, new Date("2025-03-01T10:00:00Z"));
    expect(again).toEqual(first);
    const text = JSON.stringify(first);
    for (const id of [F1, F2, G1, G2, G3]) expect(text).not.toContain(id);
    expect(text).not.toContain("municipality");
    expect(first.fields.map((f) => f.key)).toEqual(["language", "antidiskriminierung"]);
    expect(first.subGoals.map((g) => [g.ref, g.fieldKey, g.text])).toEqual([
      ["sg-1", "language", "Mehr Kursplätze"],
      ["sg-2", "language", "Wartezeiten senken"],
      ["sg-3", "antidiskriminierung", "Beratungsstelle einrichten"],
    ]);
    // the dangling link is dropped, the order of links kept
    expect(first.measures.map((m) => [m.title, m.subGoalRefs])).toEqual([
      ["Sprachcafé", []],
      ["Kita-Einstieg", ["sg-2", "sg-1"]],
      ["Beratung", ["sg-3"]],
    ]);
    expect(first.measures[1]?.staffFte).toBe(1.5);
    expect(first.sections[0]).toMatchObject({ chapter: "mandate", part: "text", fieldKey: null, revision: 5 });
  });

  it("export → import → export is identical except exportedAt and revisions", () => {
    const first = buildConceptExport(source, new Date("2025-03-01T10:00:00Z"));
    expect(parseConceptExport(JSON.parse(JSON.stringify(first))).ok).toBe(true);
    const second = buildConceptExport(simulateImport(first), new Date("2025-04-01T10:00:00Z"));
    expect(withoutVolatile(second)).toEqual(withoutVolatile(first));
    expect(second.sections.every((s) => s.revision === 0)).toBe(true);
    const third = buildConceptExport(simulateImport(second), new Date("2025-05-01T10:00:00Z"));
    expect({ ...third, exportedAt: "" }).toEqual({ ...second, exportedAt: "" });
  });
});

describe("helpers", () => {
  it("suffixes a taken title", () => {
    expect(importedTitle("Konzept", new Set())).toBe("Konzept");
    expect(importedTitle("Konzept", new Set(["Konzept"]))).toBe("Konzept (Import)");
    expect(importedTitle("Konzept", new Set(["Konzept", "Konzept (Import)"]))).toBe("Konzept (Import 2)");
    // never longer than the form allows a title to be (200), and not cut inside an emoji
    const long = `${"x".repeat(190)}😀${"y".repeat(8)}`;
    expect(importedTitle(long, new Set([long]))).toBe(`${"x".repeat(190)} (Import)`);
    expect(importedTitle(long, new Set([long, `${"x".repeat(190)} (Import)`])).length).toBeLessThanOrEqual(200);
  });

  it("builds an ASCII file name and a UTF-8 one", () => {
    const name = exportFileName("Integrationskonzept Kreis Süd/Öst: \"2025\"", new Date("2025-03-01T23:30:00Z"));
    expect(name.ascii).toBe("Integrationskonzept_Integrationskonzept-Kreis-Sued-Oest-2025_2025-03-02.json");
    expect(name.utf8).toBe("Integrationskonzept_Integrationskonzept-Kreis-Süd-Öst-2025_2025-03-02.json");
    expect(exportFileName("???", new Date("2025-03-01T10:00:00Z")).ascii).toBe("Integrationskonzept_Konzept_2025-03-01.json");
  });
});
