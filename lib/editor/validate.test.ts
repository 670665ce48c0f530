import { describe, expect, it } from "vitest";
import { isAllowedHref } from "@/components/editor/extensions";
import { cleanPastedHtml } from "@/components/editor/paste";
import { bold, doc, h3, link, ol, p, table, ul } from "./build";
import { plainText, textLength } from "./document";
import { MAX_DOC_BYTES, validateDoc } from "./validate";

describe("validateDoc", () => {
  it("accepts everything the editor can produce: headings, marks, lists, links, tables", () => {
    const input = doc(
      h3("Ausgangslage"),
      p("Der ", bold("Rat"), " hat ", link("beschlossen", "https://example.org/ratsbeschluss"), "."),
      ul("Sprachkurse", "Beratung"),
      ol("erstens", "zweitens"),
      table(["Kennzahl", "Wert"], [["Einwohner", "182.400"]]),
    );
    const result = validateDoc(input);
    expect(result.ok).toBe(true);
    if (result.ok) expect(plainText(result.doc)).toContain("Der Rat hat beschlossen.");
  });

  it.each([
    ["unknown node", { type: "doc", content: [{ type: "script", content: [] }] }],
    ["unknown mark", doc(p({ type: "text", text: "x", marks: [{ type: "highlight" }] }))],
    ["text directly in doc", { type: "doc", content: [{ type: "text", text: "x" }] }],
    ["heading level 1 (chapters own level 1 and 2)", { type: "doc", content: [{ type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "x" }] }] }],
    ["not a doc", { type: "paragraph" }],
    ["null", null],
    ["a string", "hallo"],
  ])("rejects %s", (_name, input) => {
    expect(validateDoc(input).ok).toBe(false);
  });

  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " data:text/html;base64,PHNjcmlwdD4=", "vbscript:x", "//evil.example/x"])(
    "rejects the link target %j",
    (href) => {
      const result = validateDoc(doc(p(link("klick", href))));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain("nicht erlaubt");
    },
  );

  it.each(["https://www.musterstadt.de", "http://example.org", "mailto:integration@musterstadt.example", "#kapitel-mandate", "/concepts"])(
    "allows the link target %j",
    (href) => expect(isAllowedHref(href)).toBe(true),
  );

  it("rejects documents over the size limit with the limit in the message", () => {
    const big = doc(...Array.from({ length: Math.ceil(MAX_DOC_BYTES / 100) }, () => p("ä".repeat(60))));
    const result = validateDoc(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/höchstens 512 KB/);
  });

  it("counts text length over all nodes, umlauts as one character", () => {
    expect(textLength(doc(p("Größe"), ul("Äpfel")))).toBe("Größe Äpfel".length);
  });
});

describe("pasting from Word", () => {
  it("drops Office junk and keeps the structure", () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<h2 class="MsoHeading2" style="mso-outline-level:2">Ziele<o:p></o:p></h2>
<p class="MsoNormal" style="mso-margin-top-alt:auto"><b>Sprache</b> fördern<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<ul><li class="MsoListParagraph">Kurse</li></ul></body></html>`;
    const cleaned = cleanPastedHtml(word);
    expect(cleaned).not.toMatch(/mso|o:p|MsoNormal|<style|OfficeDocumentSettings/);
    expect(cleaned).toContain("<h2>Ziele</h2>");
    expect(cleaned).toContain("<b>Sprache</b> fördern");
    expect(cleaned).toContain("<li>Kurse</li>");
  });
});
