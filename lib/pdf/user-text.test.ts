/**
 * Hostile user text in the PDFs, read back with poppler: a right-to-left
 * override stays inside its own string (the next partner and the table of
 * contents' page numbers are untouched), partners and target groups are one
 * entry each, and very long unbroken strings wrap inside the right margin.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSnapshots } from "@/lib/versions/diff/concept";
import { buildSynopse } from "@/lib/versions/synopse";
import { buildPdfModel } from "./model";
import { renderPdf } from "./render";
import { sampleConcept } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-pdf-user-text-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const RLO = "\u202e";
const LONG_WORD = "Integrationsmaßnahmenverwaltungsdatensatz".repeat(60); // 2,460 characters, no break opportunity
const LONG_MAIL = `${"sehr.lange.adresse.der.integrationsbeauftragten".repeat(4)}@${"rathaus-".repeat(6)}musterstadt.example`;
const LONG_NUMBER = "1234567890".repeat(30);
const LONG_URL = `https://www.musterstadt.example/${"integration/".repeat(12)}${"x".repeat(120)}?seite=1`;

function hostileConcept() {
  const data = sampleConcept({ pages: 1, measures: 2 });
  const field = data.fields.at(-1)!;
  field.title = `Vielfalt ${RLO}gnuthcaeB`;
  // An override followed by an isolate of the user's own: the template's closing mark must not end the wrong one.
  data.fields.at(-2)!.title = `Teilhabe ${RLO}\u2066gnuthcaeB`;
  const m = data.measures[0]!;
  m.partners = [`Partner ${RLO}enie`, "Partner zwei"];
  m.targetGroups = ["Neuzugewanderte", `${RLO}Familien`, "Geflüchtete"];
  m.leadOffice = LONG_MAIL;
  data.sections[0]!.content = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: `Wort: ${LONG_WORD}` }] },
      { type: "paragraph", content: [{ type: "text", text: LONG_URL, marks: [{ type: "link", attrs: { href: LONG_URL } }] }] },
      { type: "paragraph", content: [{ type: "text", text: `Adresse: ${LONG_MAIL}` }] },
      // a "number" of 300 digits in a table cell, typed or pasted
      { type: "table", content: [{ type: "tableRow", content: [LONG_NUMBER, "Kosten"].map((text) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] })) }] },
    ],
  };
  return data;
}

/** Every word whose right edge lies beyond the page's right margin (pdftotext -bbox, in points). */
function wordsPastMargin(file: string, rightMargin: number) {
  const html = run("pdftotext", "-bbox", file, "-");
  const pages = [...html.matchAll(/<page width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)];
  expect(pages.length).toBeGreaterThan(0);
  const out: string[] = [];
  for (const [, width, body] of pages) {
    // Typst lets a hyphen, slash or full stop hang into the margin by a few points
    // (optical margin alignment, measured up to 4.7 pt); the bug was hundreds of points.
    const limit = Number(width) - rightMargin + 6;
    for (const w of body!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
      if (Number(w[2]) > limit) out.push(`${w[3]!.slice(0, 40)} (bis ${w[2]} pt, Grenze ${limit.toFixed(1)} pt)`);
    }
  }
  return out;
}

describe("hostile user text in the concept PDF", () => {
  let file: string;
  let layout: string;
  beforeAll(async () => {
    const model = buildPdfModel({ data: hostileConcept(), municipality: "Musterstadt", version: null, date: new Date("2026-11-25T10:00:00Z"), logo: null, history: null });
    const result = await renderPdf({ template: "concept", data: model });
    expect(result.standard).toBe("ua-1");
    file = path.join(dir, "concept.pdf");
    fs.writeFileSync(file, result.pdf);
    layout = run("pdftotext", "-layout", file, "-");
  }, 120_000);

  it("keeps a right-to-left override inside its own partner: the next partner reads normally, each is its own entry", () => {
    expect(layout).toContain("Partner zwei");
    expect(layout).toContain("Geflüchtete");
    expect(layout).not.toMatch(/iewz rentraP|etethcülfeG/);
    // One entry per line, not one comma-joined string.
    expect(layout).not.toMatch(/Partner .*, Partner zwei/);
    expect(layout).not.toMatch(/Neuzugewanderte, /);
  });

  it("keeps the page number of an overridden field title at the end of its contents line", () => {
    const toc = layout.split("\f")[1]!;
    const line = toc.split("\n").find((l) => l.includes("5.7"));
    expect(line, toc).toBeDefined();
    // "5.7 Vielfalt … . . . 20" (Typst puts a word joiner before the number).
    expect(line!.trim()).toMatch(/^5\.7 \u2068Vielfalt .*\u2069 (\. )+\u2060?\d+$/);
  });

  it("keeps the page number at the end also when the title opens an isolate of its own after the override", () => {
    const toc = layout.split("\f")[1]!;
    const line = toc.split("\n").find((l) => l.includes("5.6"));
    expect(line, toc).toBeDefined();
    expect(line!.trim()).toMatch(/^5\.6 \u2068Teilhabe .*\u2069 (\. )+\u2060?\d+$/);
  });

  it("wraps a 2,460-character word, a long link, a long address and a 300-digit number in a table inside the right margin", () => {
    expect(wordsPastMargin(file, (2.2 / 2.54) * 72)).toEqual([]);
    expect(layout.replace(/[\s\u200b]/g, "")).toContain(LONG_WORD.slice(0, 200));
    expect(layout.replace(/[\s\u200b]/g, "")).toContain(LONG_NUMBER.slice(0, 100));
  });
});

describe("hostile user text in the Synopse PDF", () => {
  it("wraps long words and addresses inside the right margin", async () => {
    const from = sampleConcept({ pages: 1, measures: 2 });
    const to = hostileConcept();
    const ids = (d: typeof from) => ({ measures: d.measures.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`) });
    const comparison = compareSnapshots({ data: from, ids: ids(from) }, { data: to, ids: ids(to) });
    const model = buildSynopse({ conceptTitle: "Konzept", municipality: "Musterstadt", fromLabel: "v1", toLabel: "Entwurf", comparison, date: "25.11.2026" });
    const result = await renderPdf({ template: "synopse", data: model });
    const file = path.join(dir, "synopse.pdf");
    fs.writeFileSync(file, result.pdf);
    expect(wordsPastMargin(file, (1.8 / 2.54) * 72)).toEqual([]);
    expect(run("pdftotext", "-layout", file, "-")).toContain("Partner zwei");
  }, 120_000);
});

describe("numbers in the text that Typst would refuse", () => {
  it("sets a list counted from -3 and a table whose cells span -1, 2 and a million columns and rows", async () => {
    const data = sampleConcept({ pages: 1, measures: 1 });
    const cell = (text: string, attrs: Record<string, unknown>) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, ...attrs }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    data.sections[0]!.content = {
      type: "doc",
      content: [
        { type: "orderedList", attrs: { start: -3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Erster Punkt" }] }] }] },
        { type: "table", content: [{ type: "tableRow", content: [cell("Zelle breit", { colspan: 2 }), cell("Zelle negativ", { colspan: -1 }), cell("Zelle riesig", { colspan: 1_000_000, rowspan: 1_000_000 })] }] },
      ],
    };
    const model = buildPdfModel({ data, municipality: "Musterstadt", version: null, date: new Date("2026-12-07T10:00:00Z"), logo: null, history: null });
    const result = await renderPdf({ template: "concept", data: model });
    const file = path.join(dir, "numbers.pdf");
    fs.writeFileSync(file, result.pdf);
    const text = run("pdftotext", "-layout", file, "-");
    for (const word of ["Erster Punkt", "Zelle breit", "Zelle negativ", "Zelle riesig"]) expect(text).toContain(word);
  }, 120_000);
});
