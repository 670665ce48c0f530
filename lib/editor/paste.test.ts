/**
 * Paste from Word 365 and LibreOffice: the clipboard HTML as the office
 * programs write it (tests/fixtures/paste, see the README there), cleaned and
 * read by the editor's own schema the way the editor reads a paste.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { DOMParser as PMDOMParser } from "@tiptap/pm/model";
import { Window } from "happy-dom";
import { describe, expect, it } from "vitest";
import { htmlToOutline } from "@/lib/import/html-outline";
import { editorSchema, validateDoc } from "@/lib/editor/validate";
import { renderHtml } from "@/lib/editor/render";
import { cleanPastedHtml, msoListsToLists } from "./paste";

const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../../tests/fixtures/paste", name), "utf8");
const word = fixture("word365-lists.html");
const wordAligned = fixture("word365-alignment.html");
const libreOffice = fixture("libreoffice-alignment.html");

const text = (t: string, marks?: { type: string }[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const item = (...content: object[]) => ({ type: "listItem", content });
const para = (...content: object[]) => ({ type: "paragraph", content });
const aligned = (textAlign: string, ...content: object[]) => ({ type: "paragraph", attrs: { textAlign }, content });
const cell = (type: "tableCell" | "tableHeader", ...content: object[]) => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content });

/** The document the editor makes of a paste: cleaned HTML, parsed by the schema, checked like a save. */
function paste(html: string): JSONContent[] {
  const { document } = new Window();
  const container = document.createElement("div");
  container.innerHTML = cleanPastedHtml(html);
  const parsed = PMDOMParser.fromSchema(editorSchema()).parse(container as never).toJSON() as JSONContent;
  const checked = validateDoc(parsed);
  if (!checked.ok) throw new Error(checked.error);
  return checked.doc.content ?? [];
}

describe("paste from Word 365", () => {
  it("turns Word's list paragraphs into real nested bullet and numbered lists, without the bullet characters", () => {
    const [block] = htmlToOutline(word).blocks;
    expect(block!.content).toEqual([
      para(text("Angebote im Stadtteil:")),
      {
        type: "bulletList",
        content: [
          item(para(text("Sprachcafé "), text("dienstags", [{ type: "bold" }])), { type: "bulletList", content: [item(para(text("im Stadtteilzentrum Nord")))] }),
          item(para(text("Hausaufgabenhilfe"))),
        ],
      },
      { type: "orderedList", attrs: { start: 1, type: null }, content: [item(para(text("Bedarf erheben"))), item(para(text("Angebote planen")))] },
    ]);
  });

  it("leaves no marker, padding, Word class or font in the cleaned HTML", () => {
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).not.toMatch(/·|&nbsp;&nbsp;|mso-|Symbol|Times New Roman|MsoList|supportLists/);
  });

  it("keeps HTML without Word lists as it is", () => {
    expect(msoListsToLists("<p>Text</p><ul><li>x</li></ul>")).toBe("<p>Text</p><ul><li>x</li></ul>");
  });

  it("keeps the alignment of headings, paragraphs and cells, the header row, and no padding", () => {
    expect(paste(wordAligned)).toEqual([
      { type: "heading", attrs: { textAlign: "center", level: 3 }, content: [text("Sprachförderung im Quartier")] },
      aligned("center", text("Zentriert: Angebote für Neuzugewanderte")),
      aligned("right", text("Rechtsbündig: Stand März 2026")),
      aligned("justify", text("Blocksatz: Die Stadt baut die Sprachförderung in allen Stadtteilen aus, damit Kinder, Jugendliche und Erwachsene früh und "), text("wohnortnah", [{ type: "bold" }]), text(" Deutsch lernen können.")),
      // Five non-breaking spaces of padding become one space; the one in "12.500 €" stays.
      para(text("Linksbündig: ein gewöhnlicher Absatz mit 12.500\u00a0€.")),
      {
        type: "table",
        content: [
          { type: "tableRow", content: ["Maßnahme", "Zeitraum", "Kosten"].map((h) => cell("tableHeader", para(text(h, [{ type: "bold" }])))) },
          { type: "tableRow", content: [cell("tableCell", para(text("Sprachcafé"))), cell("tableCell", aligned("center", text("2026–2028"))), cell("tableCell", aligned("right", text("12.500\u00a0€")))] },
        ],
      },
    ]);
  });

  it("leaves no Word class, style, font, language, span or empty paragraph in the cleaned HTML", () => {
    const cleaned = cleanPastedHtml(wordAligned);
    expect(cleaned).not.toMatch(/Mso|mso-|\s(?:style|lang|align)=|Arial|Calibri|<span|<font|<o:p|&nbsp;&nbsp;|<p>\s*<\/p>/);
    expect(cleaned).toContain('<p class="text-align-center">Zentriert:');
    expect(cleaned).toContain('<h3 class="text-align-center">Sprachförderung im Quartier</h3>');
  });
});

describe("paste from LibreOffice", () => {
  it("keeps alignment (align=…), nested lists and the repeated header row (<thead>)", () => {
    expect(paste(libreOffice)).toEqual([
      { type: "heading", attrs: { textAlign: "center", level: 3 }, content: [text("Sprachförderung im Quartier")] },
      aligned("center", text("Zentriert: Angebote für Neuzugewanderte")),
      aligned("right", text("Rechtsbündig: Stand März 2026")),
      aligned("justify", text("Blocksatz: Die Stadt baut die Sprachförderung in allen Stadtteilen aus, damit Kinder, Jugendliche und Erwachsene früh und "), text("wohnortnah", [{ type: "bold" }]), text(" Deutsch lernen können.")),
      para(text("Linksbündig: ein gewöhnlicher Absatz.")),
      {
        type: "bulletList",
        content: [item(para(text("Sprachcafé")), { type: "bulletList", content: [item(para(text("im Stadtteilzentrum Nord")))] }), item(para(text("Hausaufgabenhilfe")))],
      },
      { type: "orderedList", attrs: { start: 1, type: null }, content: [item(para(text("Bedarf erheben"))), item(para(text("Angebote planen")))] },
      {
        type: "table",
        content: [
          { type: "tableRow", content: ["Maßnahme", "Zeitraum", "Kosten"].map((h) => cell("tableHeader", para(text(h)))) },
          { type: "tableRow", content: [cell("tableCell", para(text("Sprachcafé"))), cell("tableCell", aligned("center", text("2026–2028"))), cell("tableCell", aligned("right", text("12.500 €")))] },
        ],
      },
    ]);
  });

  it("leaves no class, style, language or trailing empty paragraph", () => {
    expect(cleanPastedHtml(libreOffice)).not.toMatch(/western|\s(?:style|lang|align)=|<br|<p>\s*<\/p>|<title/);
  });
});

describe("alignment in pasted HTML", () => {
  it("reads align and text-align on cells, `end` as right, and ignores left and unknown values", () => {
    const doc = paste(
      '<p style="text-align: end">a</p><p align="left">b</p><p style="text-align: middle">c</p>' +
        "<table><tr><td align=center>x</td><td style='text-align:justify'>y</td></tr></table>",
    );
    expect(doc[0]).toEqual(aligned("right", text("a")));
    expect(doc[1]).toEqual(para(text("b")));
    expect(doc[2]).toEqual(para(text("c")));
    const [x, y] = (doc[3]!.content![0]!.content ?? []) as JSONContent[];
    expect(x!.attrs).toEqual({ colspan: 1, rowspan: 1, colwidth: null, textAlign: "center" });
    expect(y!.attrs!.textAlign).toBe("justify");
  });

  it("survives a copy and paste inside the editor (the class the editor renders is read back)", () => {
    const doc = { type: "doc", content: paste(wordAligned) };
    expect(paste(renderHtml(doc))).toEqual(doc.content);
  });

  it("keeps bold, italic, underline and strike that spans say with styles", () => {
    const doc = paste(
      `<p><span style='font-weight:bold'>fett</span> <span style="font-style:italic;mso-bidi-font-weight:bold">kursiv</span> ` +
        `<span style="text-decoration: underline">unter</span> <span style="text-decoration-line: line-through"><span lang=DE>durch</span></span></p>`,
    );
    expect(doc).toEqual([para(text("fett", [{ type: "bold" }]), text(" "), text("kursiv", [{ type: "italic" }]), text(" "), text("unter", [{ type: "underline" }]), text(" "), text("durch", [{ type: "strike" }]))]);
  });
});
