import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { plainText } from "@/lib/editor/document";
import { templateFor } from "@/lib/template";
import { applyMapping, proposeMapping, targetOptions, UNASSIGNED_TITLE } from "./mapping";
import type { Outline, OutlineBlock } from "./outline";

const para = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const list = (...items: string[]): JSONContent => ({ type: "orderedList", content: items.map((t) => ({ type: "listItem", content: [para(t)] })) });

/** An outline from [level, title, ...paragraphs]; parents from the levels, like html-outline builds them. */
function outline(spec: [number, string, ...(string | JSONContent)[]][], title: string | null = "Konzept Musterhausen"): Outline {
  const blocks: OutlineBlock[] = [];
  const stack: OutlineBlock[] = [];
  for (const [i, [level, heading, ...content]] of spec.entries()) {
    while (stack.length && stack.at(-1)!.level >= level) stack.pop();
    const block: OutlineBlock = {
      id: `b${i + 1}`,
      level,
      title: heading,
      parentId: stack.at(-1)?.id ?? null,
      content: content.map((c) => (typeof c === "string" ? para(c) : c)),
      notes: [],
      images: 0,
    };
    blocks.push(block);
    stack.push(block);
  }
  const sourceText = [title ?? "", ...spec.flatMap(([, h, ...c]) => [h, ...c.map((x) => (typeof x === "string" ? x : JSON.stringify(x).replace(/[^\p{L}\p{N} .]/gu, " ").replace(/\b(type|content|text|paragraph|listItem|orderedList)\b/g, " ")))])].join("\n");
  return { title, blocks, sourceText, skipped: [], trackedChanges: 0 };
}

const textOf = (doc: JSONContent): string => (doc.text ?? "") + (doc.content ?? []).map(textOf).join(" ");

describe("the mapping tree", () => {
  const file = outline([
    [1, "Einleitung", "Der Rat hat beauftragt."],
    [1, "Handlungsfelder"],
    [2, "Sprache und Sprachförderung", "Allgemeines zur Sprache."],
    [3, "Leitziel", "Alle sprechen Deutsch."],
    [3, "Teilziele", list("Kurse für alle", "Kinderbetreuung in jedem Kurs"), "Ein Satz ohne Liste."],
    [3, "Kurse vor Ort", "Drei Standorte."],
    [2, "Wohnen und Unterbringung", "Wohnraum ist knapp."],
    [2, "Antidiskriminierung", "Eine Beratungsstelle."],
    [1, "Anhang", "Adressen."],
  ]);
  const proposal = proposeMapping(file, "konzept.docx");
  const target = (title: string) => proposal.blocks.find((b) => b.title === title)!.target;

  it("proposes a place for each heading from its title and its parents", () => {
    expect(target("Einleitung")).toBe("chapter:mandate");
    expect(target("Sprache und Sprachförderung")).toBe("field:language:baseline");
    expect(target("Leitziel")).toBe("field:language:goal");
    expect(target("Teilziele")).toBe("field:language:subGoals");
    expect(target("Kurse vor Ort")).toBe("field:language:baseline");
    expect(target("Wohnen und Unterbringung")).toBe("field:housing:baseline");
    expect(target("Antidiskriminierung")).toBe("field:own-b8:baseline");
    expect(proposal.customFields).toEqual([{ key: "own-b8", title: "Antidiskriminierung" }]);
    expect(target("Anhang")).toBe("unassigned:fields");
    expect(proposal.title).toBe("Konzept Musterhausen");
    expect(proposal.blocks.find((b) => b.title === "Leitziel")!.preview).toBe("Alle sprechen Deutsch.");
  });

  it("places every word: lists under Teilziele become sub-goals, the rest is kept as „Nicht zugeordnet“", () => {
    const { concept, report } = applyMapping(file, proposal);
    expect(concept.subGoals.map((g) => g.text)).toEqual(["Kurse für alle", "Kinderbetreuung in jedem Kurs"]);
    const language = concept.sections.find((s) => s.fieldKey === "language" && s.part === "baseline")!;
    const text = textOf(language.content);
    expect(text).toContain("Allgemeines zur Sprache.");
    expect(text).toContain(UNASSIGNED_TITLE);
    expect(text).toContain("Ein Satz ohne Liste.");
    expect(text).toContain("Drei Standorte.");
    // Text of no place under the chapter Handlungsfelder: its introduction (template 2).
    const intro = textOf(concept.sections.find((s) => s.chapter === "fields" && s.fieldKey === null)!.content);
    expect(intro).toContain(UNASSIGNED_TITLE);
    expect(intro).toContain("Adressen.");
    expect(concept.fields.map((f) => f.key)).toContain("own-b8");
    expect(concept.concept.status).toBe("draft");
    expect(report.wordsPlaced).toBe(report.wordsIn);
    expect(report.unplaced).toEqual([]);
  });

  it("follows a changed choice, keeping the title as a heading where it no longer names the place", () => {
    const { concept } = applyMapping(file, proposal, { b7: "chapter:baseline" });
    const baseline = concept.sections.find((s) => s.chapter === "baseline")!;
    expect(baseline.content.content![0]).toEqual({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Wohnen und Unterbringung" }] });
    expect(textOf(baseline.content)).toContain("Wohnraum ist knapp.");
    expect(textOf(concept.sections.find((s) => s.fieldKey === "housing" && s.part === "baseline")!.content)).not.toContain("Wohnraum");
  });

  it("lists words that are in the file but not placed", () => {
    const lossy = { ...file, sourceText: `${file.sourceText}\nVerlorener Satz hier` };
    const { report } = applyMapping(lossy, proposeMapping(lossy, "k.docx"));
    expect(report.wordsIn - report.wordsPlaced).toBe(3);
    expect(report.unplaced).toEqual([{ where: "Datei", text: "Verlorener Satz hier" }]);
  });

  it("drops an own field nobody maps anything to", () => {
    const { concept } = applyMapping(file, proposal, { b8: "unassigned:fields" });
    expect(concept.fields.map((f) => f.key)).not.toContain("own-b8");
  });
});

describe("a concept as Konzeptwerk exports it", () => {
  const cell = (header: boolean, text: string): JSONContent => ({ type: header ? "tableHeader" : "tableCell", content: [para(text)] });
  const table = (header: string[], ...rows: string[][]): JSONContent => ({
    type: "table",
    content: [header, ...rows].map((r, i) => ({ type: "tableRow", content: r.map((v) => cell(i === 0, v)) })),
  });
  const spec: [number, string, ...(string | JSONContent)[]][] = [
    [1, "1 Anlass und Auftrag", table(["Angabe", "Inhalt"], ["Geltungszeitraum", "01.01.2026 – 31.12.2030"], ["Ort", "Rathaus"])],
    [2, "Anlass", "Der Rat hat beauftragt."],
    [1, "4 Steuerung und Organisation"],
    [2, "Gremien", "Eine Lenkungsgruppe."],
    [1, "5 Handlungsfelder"],
    [2, "5.1 Sprache"],
    [3, "Teilziele", list("Kursplätze für alle")],
    [3, "Maßnahmen"],
    [4, "M 5.1.1 Sprachcafés in den Quartieren", "Treffpunkte zum Üben.", table(["Angabe", "Inhalt"], ["Federführung", "Stadtbibliothek"], ["Status", "laufend"], ["Teilziele", "Kursplätze für alle"])],
    [5, "Bausteine", "Lernpatenschaften."],
    [4, "M 5.1.2 Arbeitsmarkt und Beruf", "Ohne Tabelle."],
    [2, "5.7 Antidiskriminierung", "Eine Beratungsstelle."],
    [2, "8. Antirassismus", "Ein Netzwerk."],
    [2, "2030 plus", "Ein Ausblick."],
  ];
  const base = outline(spec, "Integrationskonzept Musterstadt");
  const file: Outline = { ...base, sourceText: [base.title, ...base.blocks.flatMap((b) => [b.title, ...b.content.map(plainText)])].join("\n") };
  const proposal = proposeMapping(file, "konzept.docx");
  const target = (title: string) => proposal.blocks.find((b) => b.title === title)!.target;
  const { concept, report } = applyMapping(file, proposal);
  const sectionText = (chapter: string, fieldKey: string | null, part = "text") =>
    textOf(concept.sections.find((s) => s.chapter === chapter && s.fieldKey === fieldKey && (fieldKey === null || s.part === part))!.content);

  it("takes headings under „Maßnahmen“ as measures and headings naming their own chapter as headings", () => {
    // "Arbeitsmarkt und Beruf" would name the field „Arbeit“, "Gremien" the chapter it is in.
    expect(target("M 5.1.2 Arbeitsmarkt und Beruf")).toBe("field:language:measures");
    expect(target("Gremien")).toBe("chapter:governance");
    expect(sectionText("governance", null)).toContain("Gremien");
    expect(proposal.customFields.map((f) => f.title)).toEqual(["Antidiskriminierung", "Antirassismus", "2030 plus"]);
  });

  it("reads a measure sheet with its sub-headings, links its sub-goals, and keeps a heading without facts as text", () => {
    expect(concept.measures).toHaveLength(1);
    const m = concept.measures[0]!;
    expect(m).toMatchObject({ fieldKey: "language", title: "Sprachcafés in den Quartieren", leadOffice: "Stadtbibliothek", status: "running", subGoalRefs: ["sg-1"] });
    expect(textOf(m.description as JSONContent)).toContain("Bausteine");
    expect(textOf(m.description as JSONContent)).toContain("Lernpatenschaften.");
    expect(sectionText("fields", "language", "baseline")).toContain("Ohne Tabelle.");
  });

  it("reads the chapter's settings table and keeps the rows it cannot read as text", () => {
    expect(concept.concept.settings).toEqual({ validFrom: "2026-01-01", validUntil: "2030-12-31" });
    expect(sectionText("mandate", null)).toContain("Ort: Rathaus");
    expect(sectionText("mandate", null)).not.toContain("Geltungszeitraum");
    expect(report.unplaced).toEqual([]);
    expect(report.wordsPlaced).toBe(report.wordsIn);
  });
});

describe("the introduction to the fields of action, template 2 beside template 1", () => {
  const file = outline([
    [1, "Einleitung", "Der Rat hat beauftragt."],
    [1, "Handlungsfelder", "Sechs Felder, ein Ziel: gute Integration vor Ort."],
    [2, "Sprache", "Kurse reichen nicht."],
    [2, "Wohnen", "Wohnraum ist knapp."],
  ]);

  it("template 2: the text under „Handlungsfelder“ is its introduction, and the introduction is a place to choose", () => {
    const proposal = proposeMapping(file, "konzept.docx", templateFor(2));
    expect(proposal.blocks.find((b) => b.title === "Handlungsfelder")!.target).toBe("chapter:fields");
    expect(proposal.blocks.find((b) => b.title === "Sprache")!.target).toBe("field:language:baseline");
    expect(targetOptions(proposal, templateFor(2)).map((o) => o.value)).toContain("chapter:fields");
    const { concept, report } = applyMapping(file, proposal, {}, templateFor(2));
    expect(concept.concept.templateVersion).toBe(2);
    const intro = concept.sections.find((s) => s.chapter === "fields" && s.fieldKey === null && s.part === "intro")!;
    expect(plainText(intro.content)).toBe("Sechs Felder, ein Ziel: gute Integration vor Ort.");
    expect(textOf(concept.sections.find((s) => s.fieldKey === "language" && s.part === "baseline")!.content)).toBe("Kurse reichen nicht.");
    expect(report.unplaced).toEqual([]);
  });

  it("template 1 (a draft on it): the same text lands in the first field's Ausgangslage as „Nicht zugeordnet“, no introduction", () => {
    const proposal = proposeMapping(file, "konzept.docx", templateFor(1));
    expect(proposal.blocks.find((b) => b.title === "Handlungsfelder")!.target).toBe("unassigned:fields");
    expect(targetOptions(proposal, templateFor(1)).map((o) => o.value)).not.toContain("chapter:fields");
    const { concept, report } = applyMapping(file, proposal, {}, templateFor(1));
    expect(concept.concept.templateVersion).toBe(1);
    expect(concept.sections.some((s) => s.chapter === "fields" && s.fieldKey === null)).toBe(false);
    const baseline = textOf(concept.sections.find((s) => s.fieldKey === "language" && s.part === "baseline")!.content);
    expect(baseline).toContain("Kurse reichen nicht.");
    expect(baseline).toContain(UNASSIGNED_TITLE);
    expect(baseline).toContain("Sechs Felder, ein Ziel");
    expect(report.unplaced).toEqual([]);
  });
});
