/** The office renderers without LibreOffice: package layout, escaping of user text, tables with spans. */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { buildPdfModel } from "@/lib/pdf/model";
import { sampleConcept } from "@/lib/pdf/sample";
import { renderDocx } from "./docx";
import { odfText, ODT_MIMETYPE, renderOdt } from "./odt";
import { tableGrid, xmlText } from "./text";
import { hostileString, validishDoc } from "@/tests/fuzz/arbitraries";

const HOSTILE = 'A <b>&amp; "Größe" \u0001\u0008\u000B\u001F ok\uFFFE \uD800 „x“ </text:p> ]]>';

function model(title = "Konzept") {
  const data = sampleConcept({ pages: 2, measures: 3, title });
  // A part with hostile text: tags, entities, control characters, a lone surrogate.
  data.sections[0]!.content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: HOSTILE }] }] };
  return buildPdfModel({ data, municipality: "Musterstadt <&>", version: null, date: new Date("2026-03-01T12:00:00Z"), logo: null, history: null });
}

describe("ODT package", () => {
  const bytes = renderOdt(model(`Titel ${HOSTILE}`));

  it("starts with the mimetype entry, stored uncompressed, with no extra field", () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // compression: stored
    expect(view.getUint16(26, true)).toBe("mimetype".length);
    expect(view.getUint16(28, true)).toBe(0); // extra field length
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    expect(strFromU8(bytes.subarray(38, 38 + ODT_MIMETYPE.length))).toBe(ODT_MIMETYPE);
  });

  it("has the manifest, styles, meta and content, every one well-formed XML", () => {
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toEqual(["mimetype", "META-INF/manifest.xml", "styles.xml", "meta.xml", "content.xml"]);
    for (const name of Object.keys(files).filter((n) => n.endsWith(".xml"))) expect(XMLValidator.validate(strFromU8(files[name]!)), name).toBe(true);
    const manifest = strFromU8(files["META-INF/manifest.xml"]!);
    for (const name of ["/", "content.xml", "styles.xml", "meta.xml"]) expect(manifest).toContain(`manifest:full-path="${name}"`);
  });

  it("escapes user text and drops characters XML cannot carry, keeping the rest", () => {
    const files = unzipSync(bytes);
    const content = strFromU8(files["content.xml"]!);
    // eslint-disable-next-line no-control-regex
    expect(content).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(content).not.toContain("<b>");
    expect(content).toContain("A &lt;b&gt;&amp;amp; &quot;Größe&quot;");
    // Read back, the text is the user's text minus the dropped characters.
    const parsed = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: false, trimValues: false }).parse(content);
    expect(JSON.stringify(parsed)).toContain(JSON.stringify('A <b>&amp; "Größe" ').slice(1, -1));
    expect(xmlText(HOSTILE)).toBe('A <b>&amp; "Größe"  ok  „x“ </text:p> ]]>');
    expect(strFromU8(files["styles.xml"]!)).toContain("Musterstadt &lt;&amp;&gt;");
  });

  it("keeps runs of spaces, tabs and line breaks as ODF elements", () => {
    expect(odfText("a   b\tc\nd")).toEqual([
      { "#text": "a" },
      { "#text": " " },
      { "text:s": [], ":@": { "@_text:c": "2" } },
      { "#text": "b" },
      { "text:tab": [] },
      { "#text": "c" },
      { "text:line-break": [] },
      { "#text": "d" },
    ]);
  });
});

describe("tables with merged cells", () => {
  const cell = (type: string, text: string, attrs: Record<string, number> = {}): JSONContent => ({ type, attrs: { colspan: 1, rowspan: 1, ...attrs }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
  const table: JSONContent = {
    type: "table",
    content: [
      { type: "tableRow", content: [cell("tableHeader", "A"), cell("tableHeader", "B"), cell("tableHeader", "C")] },
      { type: "tableRow", content: [cell("tableCell", "a1", { rowspan: 2 }), cell("tableCell", "b1", { colspan: 2 })] },
      { type: "tableRow", content: [cell("tableCell", "b2"), cell("tableCell", "c2")] },
    ],
  };

  it("places every cell in its column, past cells spanning down from above", () => {
    const grid = tableGrid(table);
    expect(grid.columns).toBe(3);
    expect(grid.headerRow).toBe(true);
    expect(grid.rows.map((r) => r.map((c) => c.column))).toEqual([[0, 1, 2], [0, 1], [1, 2]]);
  });

  it("ODT: covered cells where spans reach, header row in table-header-rows", () => {
    const data = sampleConcept({ pages: 1, measures: 0 });
    data.sections[0]!.content = { type: "doc", content: [table] };
    const content = strFromU8(unzipSync(renderOdt(buildPdfModel({ data, municipality: "M", version: null, date: new Date(), logo: null, history: null })))["content.xml"]!);
    const at = content.indexOf(">a1<");
    const first = content.slice(content.lastIndexOf("<table:table ", at), content.indexOf("</table:table>", at));
    expect(first).toContain('<table:table-header-rows><table:table-row><table:table-cell table:style-name="CellH"');
    expect(first).toContain('table:number-rows-spanned="2"');
    expect(first).toContain('table:number-columns-spanned="2"');
    // row 2: a1, b1 (spanning 2), one covered; row 3: covered (a1), b2, c2
    expect(first.match(/<table:covered-table-cell\/>/g)).toHaveLength(2);
  });
});

describe("DOCX", () => {
  it("is a Word package with the document, styles and numbering, German, and escapes user text", async () => {
    const files = unzipSync(new Uint8Array(await renderDocx(model())));
    for (const name of ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/numbering.xml", "docProps/core.xml"]) expect(files[name], name).toBeDefined();
    const document = strFromU8(files["word/document.xml"]!);
    expect(XMLValidator.validate(document)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(document).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE]/);
    expect(document).toContain("A &lt;b&gt;&amp;amp;");
    expect(strFromU8(files["word/styles.xml"]!)).toContain('w:lang w:val="de-DE"');
  });
});

describe("noncharacters in names and titles", () => {
  it("leave every part of both packages XML 1.0, the document properties included", async () => {
    const data = sampleConcept({ pages: 1, measures: 3, title: "Konzept  2026\uffff" });
    for (const m of data.measures) m.title = `${m.title}\ufffe\uffff`;
    const m = buildPdfModel({ data, municipality: "Musterstadt\uffff", version: null, date: new Date("2026-12-07T10:00:00Z"), logo: null, history: null });
    const docx = unzipSync(new Uint8Array(await renderDocx(m)));
    for (const file of Object.keys(docx).filter((n) => n.endsWith(".xml"))) expect(xml10(strFromU8(docx[file]!)), file).toBe(true);
    expect(strFromU8(docx["docProps/core.xml"]!)).toContain("Musterstadt<");
    const odt = unzipSync(renderOdt(m));
    for (const file of Object.keys(odt).filter((n) => n.endsWith(".xml"))) expect(xml10(strFromU8(odt[file]!)), file).toBe(true);
    expect(strFromU8(odt["meta.xml"]!)).toContain("<meta:initial-creator>Musterstadt</meta:initial-creator>");
    // a title is plain text in the metadata: two spaces stay two spaces, not an ODF element inside dc:title
    expect(strFromU8(odt["meta.xml"]!)).toMatch(/<dc:title>[^<]*Konzept {2}2026[^<]*<\/dc:title>/);
  });
});

/** Well-formed XML 1.0: the parser's check plus the characters XML 1.0 forbids (which the parser lets through). */
const xml10 = (xml: string) =>
  // eslint-disable-next-line no-control-regex
  XMLValidator.validate(xml) === true && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(xml);

describe("hostile documents and names (fast-check, fixed seed)", () => {
  it("always give well-formed XML in both formats", async () => {
    const base = sampleConcept({ pages: 1, measures: 1 });
    await fc.assert(
      fc.asyncProperty(validishDoc, hostileString({ maxLength: 40 }), hostileString({ maxLength: 40 }), async (doc, name, title) => {
        const data = { ...base, concept: { ...base.concept, title }, sections: base.sections.map((s, i) => (i === 0 ? { ...s, content: doc } : s)) };
        const m = buildPdfModel({ data, municipality: name, version: null, date: new Date(), logo: null, history: null });
        const odt = unzipSync(renderOdt(m));
        for (const file of ["content.xml", "styles.xml", "meta.xml"]) expect(xml10(strFromU8(odt[file]!)), file).toBe(true);
        const docx = unzipSync(new Uint8Array(await renderDocx(m)));
        for (const file of ["word/document.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml", "docProps/core.xml"]) expect(xml10(strFromU8(docx[file]!)), file).toBe(true);
      }),
      { seed: 11, numRuns: 25 },
    );
  }, 60_000);
});

describe("one model, the same structure in both formats", () => {
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

  it("DOCX and ODT have the same headings at the same levels, in the order of the model", async () => {
    const m = model();
    const document = strFromU8(unzipSync(new Uint8Array(await renderDocx(m)))["word/document.xml"]!);
    const content = strFromU8(unzipSync(renderOdt(m))["content.xml"]!);
    const docx = [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(.*?)<\/w:p>/g)].map(
      ([, level, body]) => `${level} ${decode([...body!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))}`,
    );
    const odt = [...content.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>(.*?)<\/text:h>/g)].map(
      ([, level, body]) => `${level} ${decode(body!.replace(/<text:s text:c="(\d+)"\/>/g, (_m, n: string) => " ".repeat(Number(n))).replace(/<[^>]+>/g, ""))}`,
    );
    expect(docx.length).toBeGreaterThan(40);
    expect(odt).toEqual(docx);
    // every chapter and field of action of the model, in its order, at levels 1 and 2
    const expected = m.chapters.flatMap((ch) => [`1 ${ch.number} ${ch.title}`, ...ch.fields.map((f) => `2 ${f.number} ${f.title}`)]);
    expect(docx.filter((h) => expected.includes(h))).toEqual(expected);
  });
});

describe("annexes", () => {
  it("the version history and the open comments, as in the PDF, in both formats", async () => {
    const data = sampleConcept({ pages: 1, measures: 1 });
    const m = buildPdfModel({
      data,
      municipality: "Musterstadt",
      version: { number: 2, label: "Beschlussvorlage" },
      date: new Date("2026-03-01T12:00:00Z"),
      logo: null,
      history: [{ number: 1, label: "Erster Entwurf für die Ressortabstimmung", status: "draft", createdAt: new Date("2026-01-09T10:00:00Z"), createdByName: "Jonas Brandt" }],
      comments: [{ place: "Anlass und Auftrag", quote: "Der Rat hat beauftragt", removed: false, entries: [{ author: "Elif Yıldız", date: "02.02.2026", text: "Bitte Datum des Beschlusses ergänzen." }] }],
    });
    const document = strFromU8(unzipSync(new Uint8Array(await renderDocx(m)))["word/document.xml"]!);
    const content = strFromU8(unzipSync(renderOdt(m))["content.xml"]!);
    for (const xml of [document, content]) {
      for (const text of ["Anhang: Versionsverlauf", "Erster Entwurf für die Ressortabstimmung", "Jonas Brandt", "Anhang: Offene Kommentare", "Der Rat hat beauftragt", "Elif Yıldız", "Bitte Datum des Beschlusses ergänzen.", "Fassung 2 – Beschlussvorlage"]) {
        expect(xml, text).toContain(text);
      }
    }
  });
});
