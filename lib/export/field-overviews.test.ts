/**
 * A field's goal tree and indicator overview, and a measure's partners and
 * target groups, read back from every format of the one export model: the PDF
 * with pdftotext, DOCX and ODT converted to text by LibreOffice headless.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPdfModel } from "@/lib/pdf/model";
import { renderPdf } from "@/lib/pdf/render";
import { sampleConcept } from "@/lib/pdf/sample";
import { convertWithOffice } from "@/tests/support/office";
import { renderDocx } from "./docx";
import { renderOdt } from "./odt";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-overviews-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Field 5.1 (Sprache): a Leitziel; "Mehr Kursplätze" served by SP-01, "Kürzere Wartezeiten" by nothing; M 5.1.2 serves no sub-goal. */
function concept() {
  // adopted: no ENTWURF watermark, whose letters pdftotext would put between the lines
  const data = sampleConcept({ pages: 1, measures: 8, status: "adopted" });
  Object.assign(data.measures[0]!, {
    code: "SP-01",
    title: "Sprachcafé im Quartier",
    partners: ["Haus- und Grundbesitzerverein, Ortsgruppe Nord", "Volkshochschule"],
    targetGroups: ["Eltern, auch Alleinerziehende", "Neuzugewanderte"],
  });
  Object.assign(data.measures[7]!, { title: "Lotsenprojekt Ankommen", subGoalRefs: [] });
  data.subGoals[0]!.text = "Mehr Kursplätze";
  data.subGoals[1]!.text = "Kürzere Wartezeiten";
  data.sections.find((s) => s.fieldKey === "language" && s.part === "goal")!.content = {
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "Alle sprechen Deutsch." }] }],
  };
  return buildPdfModel({ data, municipality: "Musterstadt", version: null, date: new Date("2026-11-25T10:00:00Z"), logo: null, history: null });
}

const TREE = [
  "Leitziel: Alle sprechen Deutsch.",
  "Mehr Kursplätze",
  "SP-01 Sprachcafé im Quartier",
  "Teilnehmende (1) (Output): 120 → 200 Personen",
  "Abschlussquote (Outcome): 55 → 70 %",
  "Kürzere Wartezeiten",
  "Keine Maßnahme zugeordnet.",
  "Ohne Teilziel",
  "M 5.1.2 Lotsenprojekt Ankommen",
  "Teilnehmende (8) (Output): 120 → 200 Personen",
  "Abschlussquote (Outcome): 55 → 70 %",
];
/** How deep each line of TREE is nested (0: the Leitziel, 1: sub-goal, 2: measure, 3: indicator). */
const DEPTH = [0, 1, 2, 3, 3, 1, 2, 1, 2, 3, 3];

/** The lines of the field's goal tree (the text from "Zielbaum" to the next field), without list markers, with their indentation. */
function treeLines(text: string) {
  const from = text.indexOf("\nZielbaum\n");
  expect(from, "Zielbaum").toBeGreaterThan(0);
  const section = text.slice(from + "\nZielbaum\n".length, text.indexOf("5.2 Arbeit und Ausbildung", from));
  return section
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^(\s*)(?:[•◦▪‣–]\s+)?(.*\S)\s*$/.exec(l)!;
      return { indent: m[1]!.length, text: m[2]! };
    });
}

/** The tree's lines are nested as the model says: each deeper level indented further than its parent. */
function expectTree(text: string) {
  const lines = treeLines(text);
  expect(lines.map((l) => l.text)).toEqual(TREE);
  const indentOf = new Map<number, number>();
  lines.forEach((l, i) => {
    const depth = DEPTH[i]!;
    if (indentOf.has(depth)) expect(l.indent, l.text).toBe(indentOf.get(depth));
    else indentOf.set(depth, l.indent);
  });
  const indents = [0, 1, 2, 3].map((d) => indentOf.get(d)!);
  indents.slice(1).forEach((indent, d) => expect(indent, `level ${d + 1} deeper than level ${d}`).toBeGreaterThan(indents[d]!));
}

/** Each entry on a line of its own, right after the label (office text puts every cell paragraph on its own line). */
function expectListAfter(text: string, label: string, items: string[]) {
  const lines = text.split("\n").map((l) => l.replace(/^\s*•\s*/, "").trim());
  const at = lines.indexOf(label);
  expect(at, label).toBeGreaterThan(0);
  expect(lines.slice(at + 1, at + 1 + items.length)).toEqual(items);
}

describe("goal tree, indicator overview and lists, read back", () => {
  const model = concept();
  const texts = {} as Record<"pdf" | "docx" | "odt", string>;

  beforeAll(async () => {
    const pdf = await renderPdf({ template: "concept", data: model });
    expect(pdf.standard).toBe("ua-1");
    const files = { pdf: path.join(dir, "k.pdf"), docx: path.join(dir, "k.docx"), odt: path.join(dir, "k.odt") };
    fs.writeFileSync(files.pdf, pdf.pdf);
    fs.writeFileSync(files.docx, new Uint8Array(await renderDocx(model)));
    fs.writeFileSync(files.odt, renderOdt(model));
    // User strings are wrapped in invisible bidi isolation marks (FSI … PDI), which pdftotext passes on.
    const clean = (s: string) => s.replace(/[\u2068\u2069]/g, "").replace(/\r/g, "");
    texts.pdf = clean(execFileSync("pdftotext", ["-layout", files.pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
    for (const f of ["docx", "odt"] as const) texts[f] = clean(convertWithOffice(files[f], "txt:Text (encoded):UTF8", "txt").toString("utf8"));
  }, 300_000);

  it.each(["pdf", "docx", "odt"] as const)("%s: the goal tree Leitziel → Teilziele → Maßnahmen (code or number) → Indikatoren as nested lists", (format) => {
    expectTree(texts[format]);
  });

  it.each(["docx", "odt"] as const)("%s: the indicator overview, one row per indicator of the field", (format) => {
    const text = texts[format];
    const at = text.indexOf("Indikatoren im Überblick\n");
    const cells = text.slice(at).split("\n").slice(1, 1 + 7 * 5);
    expect(cells.slice(0, 7)).toEqual(["Maßnahme", "Indikator", "Art", "Einheit", "Basiswert → Zielwert", "Datenquelle", "Turnus"]);
    expect(cells.slice(7, 14)).toEqual(["SP-01 Sprachcafé im Quartier", "Teilnehmende (1)", "Output", "Personen", "120 → 200", "Teilnahmelisten", "jährlich"]);
    expect(cells.slice(28, 35)).toEqual(["M 5.1.2 Lotsenprojekt Ankommen", "Abschlussquote", "Outcome", "%", "55 → 70", "Träger", "halbjährlich"]);
  });

  it("pdf: the indicator overview, one row per indicator of the field", () => {
    const text = texts.pdf;
    const section = text.slice(text.indexOf("Indikatoren im Überblick"), text.indexOf("\nZielbaum\n"));
    // the header row ("Basiswert → Zielwert" wraps in its narrow column)
    expect(section).toMatch(/Maßnahme\s+Indikator\s+Art\s+Einheit\s+Basiswert\s+Datenquelle\s+Turnus\s+→ Zielwert/);
    // the first line of each row carries the start of every cell
    const rows = section.split("\n").filter((l) => /^\s*(SP-01|M 5\.1\.2)\b/.test(l));
    const escape = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // the first cell may break (and hyphenate) after its first words: matched by its start
    const row = (first: string, ...cells: string[]) => new RegExp(`^\\s*${escape(first)}\\S*\\s+${cells.map(escape).join("\\s+")}\\s*$`);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(row("SP-01 Sprachcafé", "Teilnehmende (1)", "Output", "Personen", "120 → 200", "Teilnahmelisten", "jährlich"));
    expect(rows[1]).toMatch(row("SP-01 Sprachcafé", "Abschlussquote", "Outcome", "%", "55 → 70", "Träger", "halbjährlich"));
    expect(rows[2]).toMatch(row("M 5.1.2 Lotsen", "Teilnehmende (8)", "Output", "Personen", "120 → 200", "Teilnahmelisten", "jährlich"));
    expect(rows[3]).toMatch(row("M 5.1.2 Lotsen", "Abschlussquote", "Outcome", "%", "55 → 70", "Träger", "halbjährlich"));
  });

  it.each(["pdf", "docx", "odt"] as const)("%s: partners and target groups one per line, an entry with a comma kept whole", (format) => {
    const text = format === "pdf" ? texts.pdf.split("\n").map((l) => l.replace(/^\s*(Kooperationspartner|Zielgruppen)\s+•/, "$1\n•")).join("\n") : texts[format];
    expectListAfter(text, "Kooperationspartner", ["Haus- und Grundbesitzerverein, Ortsgruppe Nord", "Volkshochschule"]);
    expectListAfter(text, "Zielgruppen", ["Eltern, auch Alleinerziehende", "Neuzugewanderte"]);
  });
});
