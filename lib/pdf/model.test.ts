import { describe, expect, it } from "vitest";
import { CHAPTERS } from "@/lib/template";
import { computeFunding } from "@/lib/funding/compute";
import { fundingInputFromExport } from "@/lib/funding/input";
import { fundingView } from "@/lib/funding/view";
import { buildPdfModel, docOrNull, normaliseHeadings, type PdfSource } from "./model";
import { sampleConcept } from "./sample";

const source = (over: Partial<PdfSource> = {}): PdfSource => ({
  data: sampleConcept({ pages: 2, measures: 7 }),
  municipality: "Musterstadt",
  version: null,
  date: new Date("2026-11-25T10:00:00Z"),
  logo: null,
  history: null,
  ...over,
});

describe("buildPdfModel", () => {
  it("numbers the chapters in template order and the fields of action as sub-chapters", () => {
    const m = buildPdfModel(source());
    expect(m.chapters.map((c) => `${c.number} ${c.title}`)).toEqual(CHAPTERS.map((c, i) => `${i + 1} ${c.title}`));
    const fields = m.chapters.find((c) => c.key === "fields")!;
    expect(fields.fields.map((f) => f.number)).toEqual(["5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7"]);
    expect(fields.fields.at(-1)!.title).toBe("Antidiskriminierung");
    expect(fields.fields[0]!.parts.map((p) => p.title)).toEqual(["Ausgangslage", "Leitziel", "Teilziele", "Maßnahmen", "Indikatoren im Überblick", "Zielbaum"]);
  });

  it("prints every field of a measure in German formats", () => {
    const m = buildPdfModel(source());
    const measures = m.chapters.find((c) => c.key === "fields")!.fields[0]!.parts.find((p) => p.kind === "measures")!;
    if (measures.kind !== "measures") throw new Error("measures expected");
    const first = measures.items[0]!;
    expect(first.number).toBe("M 5.1.1");
    const facts = Object.fromEntries(first.facts.map((f) => [f.label, f.value]));
    expect(facts).toMatchObject({
      Federführung: "Amt für Integration und Vielfalt 1",
      Kooperationspartner: ["Volkshochschule", "Jobcenter"],
      Zielgruppen: ["Neuzugewanderte", "Familien"],
      Status: "geplant",
      Zeitraum: "ab 01.01.2026",
      Aufgabenart: "Pflichtaufgabe",
      "Personal (VZÄ pro Jahr)": "0,5",
      "Sachkosten pro Jahr": "12.500,00\u00a0€",
    });
    expect(facts.Teilziele).toEqual([expect.stringMatching(/^Teilziel 1:/)]);
    expect(first.funding[0]).toEqual({ source: "Kommune", programme: "Förderprogramm 1", amount: "20.000,00\u00a0€", until: "31.12.2027" });
    expect(first.fundingTotal).toBe("25.000,00\u00a0€");
    expect(first.indicators[0]).toMatchObject({ kind: "Output", baseline: "120", target: "200", unit: "Personen" });
  });

  it("takes chapter 7 from lib/funding: the concept page's tables, completed measures apart", () => {
    const m = buildPdfModel(source({ staffCostPerFteCents: 7_000_000 }));
    const f = m.chapters.find((c) => c.key === "funding")!.funding!;
    expect(f).toEqual(fundingView(computeFunding(fundingInputFromExport(source().data, 7_000_000))));
    expect(f.measures).toBe(7);
    expect(f.tables.map((t) => t.id)).toEqual(expect.arrayContaining(["quelle", "handlungsfeld", "aufgabenart"]));
    // measures 3 and 7 of the sample are completed: listed apart, not in the plan
    expect(f.excluded?.items).toHaveLength(2);
    expect(f.tables[0]!.caption).toBe("Finanzierung nach Quelle (Finanzplan, 5 Maßnahmen)");
    expect(f.notes).toContain("Personalkostensatz: 70.000\u00a0€ pro VZÄ und Jahr.");
  });

  it("derives each field's indicator overview and goal tree from its measures, naming them by code or number", () => {
    const data = sampleConcept({ pages: 1, measures: 14 });
    // field 1 (Sprache) holds measures 1 and 8; the second gets a code and serves no sub-goal
    data.measures[7]!.code = "SP-02";
    data.measures[7]!.subGoalRefs = [];
    data.sections.find((s) => s.fieldKey === "language" && s.part === "goal")!.content = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Alle sprechen Deutsch." }] }, { type: "paragraph", content: [{ type: "text", text: "Weil …" }] }],
    };
    const field = buildPdfModel(source({ data })).chapters.find((c) => c.key === "fields")!.fields[0]!;
    const overview = field.parts.find((p) => p.kind === "indicatorOverview");
    const tree = field.parts.find((p) => p.kind === "goalTree");
    if (overview?.kind !== "indicatorOverview" || tree?.kind !== "goalTree") throw new Error("derived parts expected");
    expect(overview.rows.map((r) => `${r.measure.split(":")[0]} | ${r.name} | ${r.kind} | ${r.range} ${r.unit}`)).toEqual([
      "M 5.1.1 Maßnahme 1 | Teilnehmende (1) | Output | 120 → 200 Personen",
      "M 5.1.1 Maßnahme 1 | Abschlussquote | Outcome | 55 → 70 %",
      "SP-02 Maßnahme 8 | Teilnehmende (8) | Output | 120 → 200 Personen",
      "SP-02 Maßnahme 8 | Abschlussquote | Outcome | 55 → 70 %",
    ]);
    expect(tree.tree.goal).toBe("Alle sprechen Deutsch. …");
    expect(tree.tree.branches.map((b) => [b.head.split(":")[0], b.subGoal, b.note, b.measures.map((m) => m.measure.split(":")[0])])).toEqual([
      ["Teilziel 1", true, null, ["M 5.1.1 Maßnahme 1"]],
      ["Teilziel 2", true, "Keine Maßnahme zugeordnet.", []],
      ["Ohne Teilziel", false, null, ["SP-02 Maßnahme 8"]],
    ]);
    expect(tree.tree.branches[0]!.measures[0]!.indicators).toEqual(["Teilnehmende (1) (Output): 120 → 200 Personen", "Abschlussquote (Outcome): 55 → 70 %"]);
  });

  it("leaves the derived parts out of a field without Leitziel, sub-goals and measures", () => {
    const data = sampleConcept({ pages: 1, measures: 0 });
    data.subGoals = [];
    data.sections = data.sections.filter((s) => s.part !== "goal");
    const field = buildPdfModel(source({ data })).chapters.find((c) => c.key === "fields")!.fields[0]!;
    expect(field.parts.map((p) => p.kind)).toEqual(["richText", "richText", "subGoals", "measures"]);
  });

  it("marks everything but an adopted concept as a draft and names the version", () => {
    expect(buildPdfModel(source()).meta).toMatchObject({ draft: true, status: "Entwurf", version: "Aktueller Arbeitsstand", date: "25.11.2026" });
    const adopted = buildPdfModel(source({ data: sampleConcept({ status: "adopted" }), version: { number: 3, label: "Ratsbeschluss" } }));
    expect(adopted.meta).toMatchObject({ draft: false, status: "Beschlossen", version: "Fassung 3 – Ratsbeschluss" });
    expect(adopted.meta.documentTitle).toBe("Integrationskonzept Musterstadt: Integrationskonzept 2026–2030");
  });

  it("prints chapter settings, the logo path and the history annex", () => {
    const m = buildPdfModel(
      source({ logo: "svg", history: [{ number: 2, label: "Beschlussvorlage", status: "council_proposal", createdAt: new Date("2026-10-01T08:00:00Z"), createdByName: "Anna Beispiel" }] }),
    );
    expect(m.chapters[0]!.settings).toEqual([{ label: "Geltungszeitraum", value: "01.01.2026 – 31.12.2030" }]);
    expect(m.chapters.find((c) => c.key === "governance")!.settings).toEqual([
      { label: "Organisationsmodell", value: "Stabsstelle" },
      { label: "Federführende Stelle", value: "Stabsstelle Integration" },
    ]);
    expect(m.meta.logo).toBe("/logo.svg");
    expect(m.history).toEqual([{ number: "2", label: "Beschlussvorlage", status: "Beschlussvorlage", date: "01.10.2026", author: "Anna Beispiel" }]);
    expect(buildPdfModel(source()).history).toBeNull();
  });

  it("treats a document without visible text as empty", () => {
    expect(docOrNull({ type: "doc", content: [{ type: "paragraph" }] })).toBeNull();
    expect(docOrNull({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "  " }] }] })).toBeNull();
    expect(docOrNull({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "a" }] }] })).not.toBeNull();
  });
});

describe("normaliseHeadings", () => {
  it("lifts a heading 4 without a heading 3 before it, so levels never skip (PDF/UA-1)", () => {
    const h = (level: number, text: string) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });
    const out = normaliseHeadings({ type: "doc", content: [h(4, "a"), h(3, "b"), h(4, "c"), { type: "blockquote", content: [h(4, "d")] }] });
    expect(out.content!.map((n) => n.attrs?.level ?? n.content?.[0]?.attrs?.level)).toEqual([3, 3, 4, 4]);
  });
});
