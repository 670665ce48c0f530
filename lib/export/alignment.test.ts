/**
 * Alignment in all three renderers of the one document model: the Typst PDF,
 * and the DOCX and ODT opened by LibreOffice headless and printed to PDF. In
 * each PDF (read back with pdftotext -bbox) a centred line sits in the middle
 * of the text area, a right-aligned one ends at the right margin, a left one
 * starts at the left margin, and aligned table cells are not left-aligned.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aligned, doc, h3, p } from "@/lib/editor/build";
import { buildPdfModel } from "@/lib/pdf/model";
import { renderPdf } from "@/lib/pdf/render";
import { sampleConcept } from "@/lib/pdf/sample";
import { convertWithOffice } from "@/tests/support/office";
import { renderDocx } from "./docx";
import { renderOdt } from "./odt";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-align-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cell = (type: "tableHeader" | "tableCell", text: string, textAlign?: string): JSONContent => {
  const node: JSONContent = { type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [p(text)] };
  return textAlign ? aligned(textAlign, node) : node;
};
const JUSTIFIED = "Blocksatzprobe: Die Stadt baut die Sprachförderung in allen Stadtteilen aus, damit Kinder, Jugendliche und Erwachsene früh und wohnortnah Deutsch lernen können. ".repeat(3);

/** A part as it comes from a paste out of Word: every alignment, on paragraphs, a heading and cells. */
const PART = doc(
  aligned("center", h3("Titelmitte")),
  aligned("center", p("Mittelachse")),
  aligned("right", p("Rechtskante")),
  p("Linkskante"),
  aligned("justify", p(JUSTIFIED.trim())),
  {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "Spalteeins"), cell("tableHeader", "Spaltezwei"), cell("tableHeader", "Spaltedrei")] },
      // The centre on the cell, the right on the paragraph inside it (as Word and LibreOffice write it).
      { type: "tableRow", content: [cell("tableCell", "Zelllinks"), cell("tableCell", "Zellmitte", "center"), { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [aligned("right", p("Zellrechts"))] }] },
    ],
  },
);

const data = sampleConcept({ pages: 1, measures: 1 });
data.sections[0]!.content = PART;
const model = buildPdfModel({ data, municipality: "Musterstadt", version: null, date: new Date("2026-11-25T10:00:00Z"), logo: null, history: null });

/** A4, 2.5 cm left and 2.2 cm right margin in all three formats. */
const LEFT = (2.5 / 2.54) * 72;
const RIGHT = 595.28 - (2.2 / 2.54) * 72;

type Box = { xMin: number; xMax: number; yMin: number; page: number };
function words(pdf: string): Map<string, Box> {
  const html = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const out = new Map<string, Box>();
  [...html.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].forEach(([, body], page) => {
    for (const w of body!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
      const text = w[4]!.replace(/[\u2068\u2069]/g, "");
      if (!out.has(text)) out.set(text, { xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), page });
    }
  });
  return out;
}

function expectAligned(pdf: string) {
  const at = words(pdf);
  const box = (word: string) => {
    const found = at.get(word);
    expect(found, `${word} in ${path.basename(pdf)}`).toBeDefined();
    return found!;
  };
  const middle = (b: Box) => (b.xMin + b.xMax) / 2;
  expect(box("Linkskante").xMin).toBeCloseTo(LEFT, -0.5);
  expect(box("Rechtskante").xMax).toBeGreaterThan(RIGHT - 4);
  expect(box("Rechtskante").xMax).toBeLessThan(RIGHT + 4);
  expect(Math.abs(middle(box("Mittelachse")) - (LEFT + RIGHT) / 2)).toBeLessThan(4);
  expect(Math.abs(middle(box("Titelmitte")) - (LEFT + RIGHT) / 2)).toBeLessThan(4);
  // Cells: the left one starts where its header starts; the centred and the right one do not.
  expect(Math.abs(box("Zelllinks").xMin - box("Spalteeins").xMin)).toBeLessThan(2);
  expect(box("Zellmitte").xMin).toBeGreaterThan(box("Spaltezwei").xMin + 10);
  expect(box("Zellrechts").xMin).toBeGreaterThan(box("Spaltedrei").xMin + 20);
  expect(box("Zellrechts").xMax).toBeGreaterThan(middle(box("Zellmitte")) + 100);
}

describe("alignment in the PDF, DOCX and ODT", () => {
  const files: Record<"typst" | "docx" | "odt", string> = { typst: "", docx: "", odt: "" };
  let docx: Buffer;
  let odt: Uint8Array;
  beforeAll(async () => {
    const result = await renderPdf({ template: "concept", data: model });
    expect(result.standard).toBe("ua-1");
    files.typst = path.join(dir, "typst.pdf");
    fs.writeFileSync(files.typst, result.pdf);
    docx = await renderDocx(model);
    odt = renderOdt(model);
    for (const [format, bytes] of [["docx", docx], ["odt", odt]] as const) {
      const file = path.join(dir, `konzept-${format}.${format}`);
      fs.writeFileSync(file, bytes);
      files[format] = path.join(dir, `${format}.pdf`);
      fs.writeFileSync(files[format], convertWithOffice(file, "pdf"));
    }
  }, 240_000);

  it("the Typst PDF places centred, right-aligned, left and cell text where they belong", () => {
    expectAligned(files.typst);
  });

  it("the DOCX, printed by LibreOffice, does the same", () => {
    expectAligned(files.docx);
  });

  it("the ODT, printed by LibreOffice, does the same", () => {
    expectAligned(files.odt);
  });

  it("the DOCX marks the paragraphs with Word's own alignment (w:jc), justified as `both`", () => {
    const xml = strFromU8(unzipSync(new Uint8Array(docx))["word/document.xml"]!);
    const jcOf = (text: string) => new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:jc w:val="(\\w+)"/>(?:(?!</w:p>).)*?${text}`).exec(xml)?.[1];
    expect(jcOf("Mittelachse")).toBe("center");
    expect(jcOf("Rechtskante")).toBe("right");
    expect(jcOf("Blocksatzprobe")).toBe("both");
    expect(jcOf("Titelmitte")).toBe("center");
    expect(jcOf("Zellmitte")).toBe("center");
    expect(jcOf("Linkskante")).toBeUndefined();
  });

  it("the ODT's paragraph styles carry fo:text-align, derived from the Word-style names", () => {
    const content = strFromU8(unzipSync(odt)["content.xml"]!);
    const styleOf = (text: string) => new RegExp(`<text:[ph] text:style-name="([^"]+)"[^>]*>${text}`).exec(content)?.[1];
    const alignOf = (style: string | undefined) => new RegExp(`<style:style style:name="${style}" style:family="paragraph" style:parent-style-name="([^"]+)"><style:paragraph-properties fo:text-align="(\\w+)"/>`).exec(content)?.slice(1);
    expect(alignOf(styleOf("Mittelachse"))).toEqual(["Text_20_body", "center"]);
    expect(alignOf(styleOf("Rechtskante"))).toEqual(["Text_20_body", "end"]);
    expect(alignOf(styleOf("Blocksatzprobe"))).toEqual(["Text_20_body", "justify"]);
    expect(alignOf(styleOf("Titelmitte"))).toEqual(["Heading_20_2", "center"]);
    expect(alignOf(styleOf("Zellmitte"))).toEqual(["Table_20_Contents", "center"]);
    expect(alignOf(styleOf("Zellrechts"))).toEqual(["Table_20_Contents", "end"]);
    expect(styleOf("Linkskante")).toBe("Text_20_body");
  });

  it("LibreOffice reads the DOCX's justified paragraph as justified (converted to ODT)", () => {
    const file = path.join(dir, "konzept-docx.docx");
    const content = strFromU8(unzipSync(new Uint8Array(convertWithOffice(file, "odt")))["content.xml"]!);
    const style = new RegExp(`<text:p text:style-name="([^"]+)">Blocksatzprobe`).exec(content)?.[1];
    expect(style).toBeDefined();
    expect(content).toMatch(new RegExp(`<style:style style:name="${style}"[^>]*>(?:(?!</style:style>).)*fo:text-align="justify"`));
  });
});
