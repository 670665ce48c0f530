import { describe, expect, it } from "vitest";
import { isAllowedHref } from "@/lib/editor/extensions";
import { cleanPastedHtml } from "@/lib/editor/paste";
import type { JSONContent } from "@tiptap/core";
import { aligned, bold, doc, h3, link, ol, p, table, ul } from "./build";
import { hrefFromInput, safeHref } from "./links";
import { MAX_NESTING } from "./nesting";
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

  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\u0000javascript:alert(1)",
    "\u0001\u001fjavascript:alert(1)",
    " JAVASCRIPT:alert(1)",
    "\u00a0javascript:alert(1)",
    "javascript\t:alert(1)",
    " data:text/html;base64,PHNjcmlwdD4=",
    "vbscript:x",
    "//evil.example/x",
    "/concepts",
    "www.musterstadt.de",
    "https://rathaus.musterstadt.de@evil.example/",
    "#",
    "#<script>",
  ])("rejects the link target %j with a German message", (href) => {
    expect(isAllowedHref(href)).toBe(false);
    const result = validateDoc(doc(p(link("klick", href))));
    expect(result.ok).toBe(false);
    // NUL cannot even be stored: that message comes first.
    const expected = href.includes("\u0000") ? /ungültige Zeichen/ : /^Der Link „.*“ ist nicht erlaubt\. Erlaubt sind nur vollständige http-, https- und mailto-Links/s;
    if (!result.ok) expect(result.error).toMatch(expected);
  });

  it.each(["https://www.musterstadt.de", "http://example.org", "HTTPS://Example.org/a b", "mailto:integration@musterstadt.example", "#kapitel-mandate"])(
    "allows the link target %j",
    (href) => {
      expect(isAllowedHref(href)).toBe(true);
      expect(validateDoc(doc(p(link("klick", href)))).ok).toBe(true);
    },
  );

  it("reads targets as a browser does: normalised, never javascript:", () => {
    expect(safeHref("HTTPS://Example.org/a b")).toBe("https://example.org/a%20b");
    expect(safeHref(" https://example.org\t/x")).toBe("https://example.org/x");
    expect(hrefFromInput("www.musterstadt.de")).toBe("https://www.musterstadt.de/");
    expect(hrefFromInput("integration@musterstadt.de")).toBe("mailto:integration@musterstadt.de");
    expect(hrefFromInput("java\tscript:alert(1)")).toBeNull();
    expect(hrefFromInput("/concepts")).toBeNull();
  });

  const nested = (kind: "blockquote" | "bulletList" | "mixed", levels: number): JSONContent => {
    let inner: JSONContent = p("innen");
    for (let i = 0; i < levels; i++) {
      const k = kind === "mixed" ? (["blockquote", "bulletList", "table"] as const)[i % 3]! : kind;
      inner =
        k === "blockquote"
          ? { type: "blockquote", content: [inner] }
          : k === "table"
            ? { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", content: [inner] }] }] }
            : { type: "bulletList", content: [{ type: "listItem", content: [p(`Ebene ${i + 1}`), inner] }] };
    }
    return doc(inner);
  };

  it.each(["blockquote", "bulletList", "mixed"] as const)(`accepts %s nested ${MAX_NESTING} levels deep and refuses one more`, (kind) => {
    expect(validateDoc(nested(kind, MAX_NESTING)).ok).toBe(true);
    const deeper = validateDoc(nested(kind, MAX_NESTING + 1));
    expect(deeper.ok).toBe(false);
    if (!deeper.ok) expect(deeper.error).toBe(`Der Text ist zu tief verschachtelt (höchstens ${MAX_NESTING} Ebenen aus Listen, Zitaten und Tabellen ineinander). Bitte die Gliederung flacher anlegen.`);
  });

  it.each([20, 1_000, 200_000])("refuses %i nested levels quickly, without running out of stack", (levels) => {
    for (const kind of ["blockquote", "bulletList"] as const) {
      const input = nested(kind, levels);
      const started = performance.now();
      const result = validateDoc(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/zu tief verschachtelt \(höchstens \d+ Ebenen/);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it("refuses deep garbage outside the known nodes too (attributes nested 100,000 times)", () => {
    let attrs: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) attrs = { a: attrs };
    const result = validateDoc(doc({ type: "paragraph", attrs }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/zu tief verschachtelt/);
  });

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

describe("text alignment", () => {
  const cell = (textAlign: string) => aligned(textAlign, { type: "tableCell", content: [p("12.500 €")] });
  const withTable = (textAlign: string) => doc({ type: "table", content: [{ type: "tableRow", content: [cell(textAlign)] }] });

  it("accepts centre, right and justified on paragraphs, headings and cells, and stores them", () => {
    const input = doc(aligned("center", p("Mitte")), aligned("right", h3("Rechts")), aligned("justify", p("Block")));
    const result = validateDoc(input);
    expect(result.ok && result.doc).toEqual(input);
    const inTable = validateDoc(withTable("right"));
    expect(JSON.stringify(inTable.ok && inTable.doc)).toContain('"textAlign":"right"');
  });

  it("accepts left, the default, and does not store it (nor the empty default)", () => {
    const result = validateDoc(doc(aligned("left", p("Links")), aligned("left", h3("Titel")), p("ohne")));
    expect(result.ok && result.doc).toEqual(doc(p("Links"), h3("Titel"), p("ohne")));
    const inTable = validateDoc(withTable("left"));
    expect(JSON.stringify(inTable.ok && inTable.doc)).not.toContain("textAlign");
  });

  it.each([["middle"], ["start"], ["CENTER"], [42], [{ x: 1 }], ["<script>"]])("refuses the alignment %j with a German message", (value) => {
    for (const input of [doc(aligned(value as string, p("x"))), doc(aligned(value as string, h3("x"))), withTable(value as string)]) {
      const result = validateDoc(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^Der Text enthält eine nicht erlaubte Ausrichtung \(„.*“\)\. Erlaubt sind linksbündig, zentriert, rechtsbündig und Blocksatz\.$/);
    }
  });

  it("drops an alignment on a node that has none (a list), as any unknown attribute", () => {
    const result = validateDoc(doc(aligned("center", ul("eins"))));
    expect(result.ok && result.doc).toEqual(doc(ul("eins")));
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

describe("links in documents the app stored itself", () => {
  const withLink = (href: string) => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: "siehe Übersicht", marks: [{ type: "link", attrs: { href } }] }, { type: "text", text: " und mehr" }] }],
  });

  it("drops a link an older rule allowed and keeps its text, so an old version stays readable", () => {
    expect(validateDoc(withLink("/concepts")).ok).toBe(false);
    const kept = validateDoc(withLink("/concepts"), { disallowedLinks: "drop" });
    expect(kept.ok).toBe(true);
    const json = JSON.stringify(kept.ok ? kept.doc : null);
    expect(json).toContain("siehe Übersicht");
    expect(json).not.toContain('"link"');
  });

  it("keeps an allowed link in the same mode", () => {
    const kept = validateDoc(withLink("https://www.bamf.de/"), { disallowedLinks: "drop" });
    expect(JSON.stringify(kept.ok ? kept.doc : null)).toContain("https://www.bamf.de/");
  });
});
