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

/** The smallest backup there is: a concept without fields and without text. */
function minimal(): Record<string, unknown> {
  return {
    format: "konzeptwerk.concept",
    formatVersion: 1,
    exportedAt: "2025-03-01T10:00:00.000Z",
    concept: { title: "Integrationskonzept Musterstadt", templateVersion: 1, status: "draft", settings: {} },
    fields: [],
    sections: [],
    subGoals: [],
    measures: [],
  };
}

function measure(overrides: Record<string, unknown> = {}) {
  return {
    fieldKey: "language",
    position: 0,
    title: "Sprachcafé",
    description: doc("Wöchentliches Treffen."),
    subGoalRefs: [],
    targetGroups: ["Neuzugewanderte"],
    taskType: "voluntary",
    leadOffice: "Integrationsbüro",
    partners: ["VHS"],
    status: "planned",
    startDate: "2025-01-01",
    endDate: null,
    priority: "medium",
    staffFte: 0.5,
    materialCostCents: 120000,
    fundingLines: [],
    indicators: [],
    ...overrides,
  };
}

function withField(extra: Record<string, unknown> = {}) {
  return {
    ...minimal(),
    fields: [
      { key: "language", title: "Sprache", custom: false, position: 0 },
      { key: "work", title: "Arbeit und Ausbildung", custom: false, position: 1 },
    ],
    subGoals: [
      { ref: "sg-1", fieldKey: "language", text: "Mehr Kursplätze", position: 0 },
      { ref: "sg-2", fieldKey: "work", text: "Mehr Ausbildungsplätze", position: 0 },
    ],
    ...extra,
  };
}

function expectError(result: ReturnType<typeof parseConceptExport>): string {
  expect(result.ok).toBe(false);
  return result.ok ? "" : result.error;
}

describe("parseConceptExport", () => {
  it("reads a backup written before measures had a code and an own rate as none of either", () => {
    const result = parseConceptExport(withField({ measures: [measure()] }));
    expect(result.ok && result.value.measures[0]).toMatchObject({ code: "", staffCostPerFteCents: null });
  });

  it("keeps a measure's code and own rate, and refuses one code twice in a concept (ignoring case)", () => {
    const one = parseConceptExport(withField({ measures: [measure({ code: " SP-01 ", staffCostPerFteCents: 7_800_000 }), measure({ position: 1, code: "SP-02" })] }));
    expect(one.ok && one.value.measures.map((m) => [m.code, m.staffCostPerFteCents])).toEqual([
      ["SP-01", 7_800_000],
      ["SP-02", null],
    ]);
    const twice = parseConceptExport(withField({ measures: [measure({ code: "SP-01" }), measure({ fieldKey: "work", title: "Jobcafé", code: "sp-01" })] }));
    expect(expectError(twice)).toBe("measures.1.code: Das Kürzel „sp-01“ ist in diesem Konzept schon vergeben (Maßnahme „Sprachcafé“).");
    expect(expectError(parseConceptExport(withField({ measures: [measure({ code: "SP 01" })] })))).toMatch(/^measures\.0\.code \(Maßnahme 1 „Sprachcafé“ › Kürzel\): 1–16 Zeichen/);
  });

  it("accepts a valid minimal export and adds the empty parts of the template", () => {
    const result = parseConceptExport(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.concept.title).toBe("Integrationskonzept Musterstadt");
    const chapters = result.value.sections.map((s) => s.chapter);
    expect(chapters).toContain("mandate");
    expect(chapters).toContain("demands");
    expect(chapters).not.toContain("fields");
    expect(result.value.sections.every((s) => s.fieldKey === null && s.textLength === 0)).toBe(true);
  });

  it("adds the parts of every field that the backup leaves out", () => {
    const result = parseConceptExport(withField({ measures: [measure({ subGoalRefs: ["sg-1"] })] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const languageParts = result.value.sections.filter((s) => s.fieldKey === "language").map((s) => s.part);
    expect(languageParts.sort()).toEqual(["baseline", "goal"]);
  });

  it("rejects unknown keys at the top and inside", () => {
    expect(expectError(parseConceptExport({ ...minimal(), municipalityId: "x" }))).toMatch(/Unbekannter Schlüssel: "?municipalityId/);
    const inner = expectError(parseConceptExport(withField({ measures: [{ ...measure(), id: "abc" }] })));
    expect(inner).toMatch(/^measures\.0 \(Maßnahme 1 „Sprachcafé“\): Unbekannter Schlüssel/);
  });

  it("names the path of a wrong value", () => {
    const error = expectError(
      parseConceptExport(withField({ measures: [measure(), measure(), measure(), measure({ taskType: "optional" })] })),
    );
    expect(error).toBe("measures.3.taskType (Maßnahme 4 „Sprachcafé“ › Aufgabenart): Bitte Pflichtaufgabe oder freiwillige Aufgabe wählen.");
  });

  it("rejects something that is not a backup", () => {
    expect(expectError(parseConceptExport(null))).toBeTruthy();
    expect(expectError(parseConceptExport({ ...minimal(), format: "other" }))).toMatch(/^format: Keine Konzeptwerk-Sicherung/);
    expect(expectError(parseConceptExport({ ...minimal(), formatVersion: 2 }))).toMatch(/^formatVersion: /);
  });

  it("rejects a javascript: link inside a section and names the section", () => {
    const bad: JSONContent = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "klick", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
        },
      ],
    };
    const error = expectError(
      parseConceptExport({
        ...minimal(),
        sections: [
          { chapter: "mandate", part: "text", fieldKey: null, content: doc("Anlass"), revision: 3 },
          { chapter: "vision", part: "text", fieldKey: null, content: bad, revision: 1 },
        ],
      }),
    );
    expect(error).toMatch(/^sections\.1\.content/);
    expect(error).toContain("Integrationsverständnis und Leitbild");
    expect(error).toContain("nicht erlaubt");
  });

  it("rejects unknown nodes in a measure description", () => {
    const error = expectError(
      parseConceptExport(withField({ measures: [measure({ description: { type: "doc", content: [{ type: "script" }] } })] })),
    );
    expect(error).toMatch(/^measures\.0\.description/);
  });

  it("rejects dangling sub-goal refs and refs into another field", () => {
    expect(expectError(parseConceptExport(withField({ measures: [measure({ subGoalRefs: ["sg-9"] })] })))).toMatch(
      /^measures\.0\.subGoalRefs\.0: Das Teilziel „sg-9“ gibt es nicht/,
    );
    expect(expectError(parseConceptExport(withField({ measures: [measure({ subGoalRefs: ["sg-2"] })] })))).toMatch(
      /anderen Handlungsfeld/,
    );
  });

  it("rejects duplicate field keys and duplicate sub-goal refs", () => {
    const fields = [
      { key: "language", title: "Sprache", custom: false, position: 0 },
      { key: "language", title: "Sprache 2", custom: false, position: 1 },
    ];
    expect(expectError(parseConceptExport({ ...minimal(), fields }))).toMatch(/^fields\.1\.key: .*mehrfach/);
    const goals = [
      { ref: "sg-1", fieldKey: "language", text: "a", position: 0 },
      { ref: "sg-1", fieldKey: "language", text: "b", position: 1 },
    ];
    expect(expectError(parseConceptExport(withField({ subGoals: goals })))).toMatch(/^subGoals\.1\.ref/);
  });

  it("rejects sections outside the template and unknown template versions", () => {
    const section = (s: Record<string, unknown>) => parseConceptExport(withField({ sections: [{ content: doc("x"), revision: 0, ...s }] }));
    expect(expectError(section({ chapter: "secret", part: "text", fieldKey: null }))).toMatch(/^sections\.0\.chapter/);
    expect(expectError(section({ chapter: "mandate", part: "goal", fieldKey: null }))).toMatch(/^sections\.0\.part/);
    expect(expectError(section({ chapter: "fields", part: "baseline", fieldKey: "sport" }))).toMatch(/^sections\.0\.fieldKey/);
    expect(expectError(section({ chapter: "mandate", part: "text", fieldKey: "language" }))).toMatch(/^sections\.0\.fieldKey/);
    const twice = parseConceptExport({
      ...minimal(),
      sections: [
        { chapter: "mandate", part: "text", fieldKey: null, content: doc("a"), revision: 0 },
        { chapter: "mandate", part: "text", fieldKey: null, content: doc("b"), revision: 0 },
      ],
    });
    expect(expectError(twice)).toMatch(/^sections\.1: .*mehrfach/);
    const concept = { title: "Konzept", templateVersion: 99, status: "draft", settings: {} };
    expect(expectError(parseConceptExport({ ...minimal(), concept }))).toMatch(/^concept\.templateVersion: Unbekannte Vorlagenversion 99/);
  });

  it("rejects a non-custom field that the template does not know, and invalid settings", () => {
    const fields = [{ key: "sport", title: "Sport", custom: false, position: 0 }];
    expect(expectError(parseConceptExport({ ...minimal(), fields }))).toMatch(/^fields\.0\.key/);
    const concept = { title: "Konzept", templateVersion: 1, status: "draft", settings: { orgModel: "kgb" } };
    expect(expectError(parseConceptExport({ ...minimal(), concept }))).toMatch(/^concept\.settings\.orgModel \(Angaben zum Konzept › Organisationsmodell\): /);
  });

  it("rejects text PostgreSQL cannot store, naming where it is", () => {
    expect(expectError(parseConceptExport(withField({ measures: [measure({ partners: ["a", "b\u0000"] })] })))).toMatch(
      /^measures\.0\.partners\.1: .*NUL/,
    );
    const section = { chapter: "mandate", part: "text", fieldKey: null, content: doc("x\u0000"), revision: 0 };
    expect(expectError(parseConceptExport({ ...minimal(), sections: [section] }))).toMatch(/^sections\.0\.content\.content\.0/);
    expect(expectError(parseConceptExport(withField({ measures: [measure({ startDate: "0000-01-01" })] })))).toMatch(
      /^measures\.0\.startDate/,
    );
  });

  it("bounds sizes and strings", () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `f${i}`, title: `Feld ${i}`, custom: true, position: i }));
    expect(parseConceptExport({ ...minimal(), fields: fields(100) }).ok).toBe(true);
    expect(expectError(parseConceptExport({ ...minimal(), fields: fields(101) }))).toBe(
      "fields: Ein Konzept hat höchstens 100 eigene Handlungsfelder. Die Sicherung hat 101.",
    );
    const concept = { title: "x".repeat(301), templateVersion: 1, status: "draft", settings: {} };
    expect(expectError(parseConceptExport({ ...minimal(), concept }))).toBe(
      "concept.title (Titel des Konzepts): Der Titel darf höchstens 200 Zeichen lang sein.",
    );
    expect(expectError(parseConceptExport(withField({ measures: [measure({ staffFte: 0.125 })] })))).toMatch(/^measures\.0\.staffFte/);
    expect(expectError(parseConceptExport(withField({ measures: [measure({ startDate: "2025-02-30" })] })))).toMatch(
      /^measures\.0\.startDate/,
    );
  });
});

describe("the forms' rules in a backup", () => {
  const settings = (s: Record<string, unknown>) => ({ ...minimal(), concept: { title: "Konzept", templateVersion: 1, status: "draft", settings: s } });

  it.each([
    ["a blank measure title", { title: "   " }, "measures.0.title (Maßnahme 1 › Titel): Bitte einen Titel angeben."],
    ["9.999,99 VZÄ", { staffFte: 9999.99 }, "measures.0.staffFte (Maßnahme 1 „Sprachcafé“ › Personal (VZÄ)): Personal: höchstens 1.000 VZÄ."],
    [
      "an end before the start",
      { startDate: "2026-05-01", endDate: "2026-04-30" },
      "measures.0.endDate (Maßnahme 1 „Sprachcafé“ › Ende): Das Ende liegt vor dem Beginn.",
    ],
    ["30 February", { startDate: "2026-02-30" }, "measures.0.startDate (Maßnahme 1 „Sprachcafé“ › Beginn): Dieses Datum gibt es nicht."],
    ["month 13", { endDate: "2029-13-01" }, "measures.0.endDate (Maßnahme 1 „Sprachcafé“ › Ende): Dieses Datum gibt es nicht."],
    ["day zero", { startDate: "0000-00-00" }, "measures.0.startDate (Maßnahme 1 „Sprachcafé“ › Beginn): Dieses Datum gibt es nicht."],
    [
      "an indicator unit of 201 characters",
      { indicators: [{ name: "Teilnehmende", kind: "output", unit: "u".repeat(201), baseline: "", target: "", dataSource: "", cadence: "" }] },
      "measures.0.indicators.0.unit (Maßnahme 1 „Sprachcafé“ › Indikator 1 › Einheit): höchstens 200 Zeichen.",
    ],
  ])("refuses %s in a measure, naming the field", (_name, overrides, message) => {
    expect(expectError(parseConceptExport(withField({ measures: [measure(overrides)] })))).toBe(message);
  });

  it("accepts an indicator unit of 200 characters, as the form does", () => {
    const unit = "u".repeat(200);
    const result = parseConceptExport(
      withField({ measures: [measure({ indicators: [{ name: "Teilnehmende", kind: "output", unit, baseline: "", target: "", dataSource: "", cadence: "" }] })] }),
    );
    expect(result.ok && result.value.measures[0]!.indicators[0]!.unit).toBe(unit);
  });

  it.each(["2026-02-30", "2029-13-01", "0000-00-00", "2025-2-1", "01.03.2026"])("refuses %s as the start or end of validity", (date) => {
    expect(expectError(parseConceptExport(settings({ validFrom: date })))).toMatch(/^concept\.settings\.validFrom \(Angaben zum Konzept › Gültig ab\): /);
    expect(expectError(parseConceptExport(settings({ validUntil: date })))).toMatch(/^concept\.settings\.validUntil \(Angaben zum Konzept › Gültig bis\): /);
  });

  it("accepts a leap day", () => {
    const result = parseConceptExport(settings({ validFrom: "2028-02-29", validUntil: "2032-02-29" }));
    expect(result.ok && result.value.concept.settings).toEqual({ validFrom: "2028-02-29", validUntil: "2032-02-29" });
  });
});

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
