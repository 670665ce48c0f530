import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { parseConceptExport } from "./exchange";

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

  it("reads amounts up to the old cap in what the app stored itself (a version, the draft), and refuses them as new input", () => {
    const data = withField({ measures: [measure({ materialCostCents: 500_000_000_000, staffCostPerFteCents: 200_000_000 })] });
    expect(expectError(parseConceptExport(data))).toMatch(/Sachkosten: höchstens 999\.999\.999,99 €\.$/);
    expect(parseConceptExport(data, { stored: true }).ok).toBe(true);
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
