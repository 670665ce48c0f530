/** Paste from Word 365: the clipboard HTML exactly as Word puts it (tests/fixtures/paste), read by the editor's schema. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToOutline } from "@/lib/import/html-outline";
import { cleanPastedHtml, msoListsToLists } from "./paste";

const word = readFileSync(path.resolve(import.meta.dirname, "../../tests/fixtures/paste/word365-lists.html"), "utf8");
const text = (t: string, marks?: { type: string }[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });
const item = (...content: object[]) => ({ type: "listItem", content });
const para = (...content: object[]) => ({ type: "paragraph", content });

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
});
