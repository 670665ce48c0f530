/**
 * The generated PDF read back with poppler (pdfinfo, pdftotext, pdffonts) and
 * qpdf, the way a council's document system or a screen reader would see it.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAPTERS } from "@/lib/template";
import { checkLogo } from "./logo";
import { buildPdfModel, type PdfSource } from "./model";
import { renderPdf } from "./render";
import { sampleConcept } from "./sample";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-pdf-test-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function render(name: string, over: Partial<PdfSource> = {}, files: { path: string; bytes: Uint8Array }[] = []) {
  // Every PDF here must pass PDF/UA-1 itself, not the tagged-only fallback.
  const model = buildPdfModel({
    data: sampleConcept({ pages: 6, measures: 14 }),
    municipality: "Musterstadt an der Großen Aue",
    version: null,
    date: new Date("2026-11-25T10:00:00Z"),
    logo: null,
    history: null,
    ...over,
  });
  const result = await renderPdf({ template: "concept", data: model, files });
  expect(result.standard).toBe("ua-1");
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, result.pdf);
  return { file, result, model };
}

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
// User strings are wrapped in invisible bidi isolation marks (FSI … PDI), which pdftotext passes on.
const text = (file: string) => run("pdftotext", "-layout", file, "-").replace(/[\u2068\u2069]/g, "");
const info = (file: string) => run("pdfinfo", file);

type Outline = { title: string; kids: Outline[] };

describe("the concept PDF read back", () => {
  let draft: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    draft = await render("draft", { history: [{ number: 1, label: "Erste Fassung", status: "draft", createdAt: new Date("2026-06-01T08:00:00Z"), createdByName: "Erika Muster" }] });
  }, 120_000);

  it("is tagged, German, titled, A4, with the page count the compiler reported", () => {
    const out = info(draft.file);
    expect(out).toMatch(/Tagged:\s+yes/);
    expect(out).toMatch(/Title:\s+Integrationskonzept Musterstadt an der Großen Aue: Integrationskonzept 2026–2030/);
    expect(out).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(out).toMatch(new RegExp(`Pages:\\s+${draft.result.pages}\\n`));
    expect(draft.result.pages).toBeGreaterThan(10);
    // The document language in the catalogue (pdfinfo does not print it).
    const catalog = JSON.parse(run("qpdf", "--json", "--json-key=qpdf", draft.file));
    expect(JSON.stringify(catalog)).toMatch(/"\/Lang":\s*"u:de/);
  });

  it("prints chapter 7's computed tables with right-aligned amounts, whole words in headers, and the funding cliff", () => {
    const out = text(draft.file);
    const f = draft.model.chapters.find((c) => c.key === "funding")!.funding!;
    expect(out).toContain("Abgeschlossen, nicht im Finanzplan");
    expect(out).toContain("Förderklippe");
    expect(out).not.toMatch(/Hand-\s*\n\s*lungs/);
    // pdftotext -layout keeps columns: the amounts of the by-source table end in the same column
    const source = f.tables.find((t) => t.id === "quelle")!;
    expect(out).toContain(source.caption);
    const ends = source.rows.map((r) => {
      const line = out.split("\n").find((l) => l.trimStart().startsWith(r.cells[0]!) && l.includes(r.cells[2]!.replace(/\u00a0/g, " ")));
      expect(line, r.cells[0]).toBeDefined();
      return line!.lastIndexOf("€");
    });
    expect(new Set(ends).size).toBe(1);
  });

  it("has every chapter title, a measure's lead office, the footer and intact umlauts", () => {
    const out = text(draft.file);
    for (const c of CHAPTERS) expect(out).toContain(c.title);
    expect(out).toContain("Amt für Integration und Vielfalt 3");
    expect(out).toMatch(/Seite 1 von \d+/);
    expect(out).toContain(`Seite ${draft.result.pages} von ${draft.result.pages}`);
    expect(out).toContain("Straße");
    expect(out).toContain("Übergang");
    expect(out).toContain("Größe");
    expect(out).toContain("Anhang: Versionsverlauf");
    expect(out).toContain("Erika Muster");
    expect(out).toMatch(/20\.000,00\s€/);
    expect(out).toContain("120 → 200");
  });

  it("has a bookmark for every chapter and every field of action", () => {
    const json = JSON.parse(run("qpdf", "--json", "--json-key=outlines", draft.file)) as { outlines: Outline[] };
    const top = json.outlines.map((o) => o.title);
    expect(top).toEqual([...CHAPTERS.map((c, i) => `${i + 1} ${c.title}`), "Anhang: Versionsverlauf"]);
    // User titles are isolated (FSI … PDI) in the bookmarks too: the bookmark panel applies the bidi algorithm as well.
    const fields = json.outlines[4]!.kids.map((k) => k.title.replace(/[\u2068\u2069]/g, ""));
    expect(fields).toEqual(["5.1 Sprache", "5.2 Arbeit und Ausbildung", "5.3 Bildung", "5.4 Wohnen", "5.5 Gesellschaftliche Teilhabe", "5.6 Gesundheit", "5.7 Antidiskriminierung"]);
  });

  it("embeds every font", () => {
    const lines = run("pdffonts", draft.file).trim().split("\n").slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it("marks a draft ENTWURF and an adopted version not", async () => {
    expect(text(draft.file)).toContain("ENTWURF");
    const adopted = await render("adopted", { data: sampleConcept({ pages: 1, measures: 2, status: "adopted" }), version: { number: 4, label: "Ratsbeschluss" } });
    const out = text(adopted.file);
    expect(out).not.toContain("ENTWURF");
    expect(out).toContain("Beschlossen");
    expect(out).toContain("Fassung 4 – Ratsbeschluss");
  }, 60_000);

  it("prints Typst syntax in user text literally and executes nothing", async () => {
    const evil = '#read("/etc/passwd") $x^2$ *fett* = Titel ] \\ \\\\ #set page(fill: red) ``` <label> @ref // c /* k */ #{panic("boom")}';
    const { file } = await render("injection", { data: sampleConcept({ pages: 1, measures: 2, text: evil, title: `Konzept ${evil}` }), municipality: `Stadt #eval("1+1") ]` });
    const out = text(file).replace(/\s+/g, " ");
    expect(out).toContain('#read("/etc/passwd") $x^2$ *fett* = Titel ] \\ \\\\ #set page(fill: red)');
    expect(out).toContain('#{panic("boom")}');
    expect(out).toContain('Stadt #eval("1+1") ]');
    expect(out).not.toContain("root:x:0:0");
    expect(info(file)).toMatch(/Title:\s+Integrationskonzept Stadt #eval\("1\+1"\) \]: Konzept #read/);
  }, 60_000);

  it("prints a character no font has as □ instead of failing PDF/UA-1", async () => {
    const { file } = await render("emoji", { data: sampleConcept({ pages: 1, measures: 1, text: "Willkommen 🙂 in 北京 → ok" }) });
    expect(text(file)).toContain("Willkommen □ in □ → ok");
  }, 60_000);

  it("prints the annex of open comments as text (quotes with Typst syntax literally)", async () => {
    const { file } = await render("comments", {
      data: sampleConcept({ pages: 1, measures: 1 }),
      comments: [
        { place: "Anlass und Auftrag", quote: "Stadt der Einwanderung", removed: false, entries: [{ author: "Elif Yıldız", date: "12.03.2026", text: "Bitte belegen. #eval(\"1+1\") *fett*" }, { author: "Jonas Brandt", date: "13.03.2026", text: "Ergänzt." }] },
        { place: "Handlungsfelder › Sprache", quote: "alte Stelle", removed: true, entries: [{ author: "Elif Yıldız", date: "12.03.2026", text: "(gelöscht)" }] },
      ],
    });
    const out = text(file).replace(/\s+/g, " ");
    expect(out).toContain("Anhang: Offene Kommentare");
    expect(out).toContain("Stadt der Einwanderung");
    expect(out).toContain('Bitte belegen. #eval("1+1") *fett*');
    expect(out).toContain("Textstelle entfernt: „alte Stelle“");
  });

  it("prints the annex of review round results as a table, PDF/UA-1, user text literally", async () => {
    const { file } = await render("rounds", {
      data: sampleConcept({ pages: 1, measures: 1 }),
      rounds: [
        {
          title: "Ressortabstimmung #strong[Frühjahr]",
          meta: "Version 2 · fällig am 31.03.2026 · abgeschlossen",
          rows: [
            { target: "Anlass und Auftrag", reviewer: "Elif Yıldız", verdict: "Zustimmung", note: "" },
            { target: "Sprache", reviewer: "Elif Yıldız", verdict: "Änderungsbedarf", note: "Eltern fehlen. $x^2$" },
            { target: "Gesamtvotum", reviewer: "Elif Yıldız", verdict: "Änderungsbedarf", note: "Überarbeiten." },
          ],
        },
      ],
    });
    const out = text(file).replace(/\s+/g, " ");
    expect(out).toContain("Anhang: Ergebnisse der Prüfrunden");
    expect(out).toContain("Ressortabstimmung #strong[Frühjahr]");
    expect(out).toContain("Version 2 · fällig am 31.03.2026 · abgeschlossen");
    expect(out).toContain("Eltern fehlen. $x^2$");
    expect(out).toMatch(/Gesamtvotum Elif Yıldız Änderungsbedarf Überarbeiten\./);
  }, 60_000);

  it("shows an uploaded logo on the cover: a PNG as an image on page 1, an SVG as a figure, each with its alternative text", async () => {
    const data = sampleConcept({ pages: 1, measures: 1 });
    const alt = "Wappen oder Logo: Musterstadt an der Großen Aue";
    /** Structure elements of kind Figure with the logo's alternative text (qpdf's JSON of the whole file). */
    const logoFigures = (file: string) => {
      const objects = Object.values(JSON.parse(run("qpdf", "--json", "--json-key=qpdf", file)).qpdf[1] as Record<string, { value?: Record<string, unknown> }>);
      return objects.filter((o) => o.value?.["/S"] === "/Figure" && o.value["/Alt"] === `u:${alt}`);
    };
    const rasterImages = (file: string) =>
      run("pdfimages", "-list", file)
        .trim()
        .split("\n")
        .slice(2)
        .map((l) => l.trim().split(/\s+/).slice(0, 5).join(" "));

    const png = new PNG({ width: 40, height: 48 });
    for (let i = 0; i < png.data.length; i += 4) png.data.set([0x1f, 0x4e, 0x79, 0xff], i);
    const pngBytes = PNG.sync.write(png, { colorType: 2 }); // opaque RGB: one image, no soft mask
    expect(checkLogo(pngBytes).ok).toBe(true);
    const withPng = await render("logo-png", { data, logo: "png" }, [{ path: "/logo.png", bytes: pngBytes }]);
    expect(rasterImages(withPng.file)).toEqual(["1 0 image 40 48"]);
    expect(logoFigures(withPng.file)).toHaveLength(1);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><title>Wappen</title><rect width="20" height="20" fill="#1f4e79"/></svg>');
    expect(checkLogo(svg).ok).toBe(true);
    const withSvg = await render("logo-svg", { data, logo: "svg" }, [{ path: "/logo.svg", bytes: svg }]);
    expect(info(withSvg.file)).toMatch(/Tagged:\s+yes/);
    expect(logoFigures(withSvg.file)).toHaveLength(1);

    const without = await render("no-logo", { data });
    expect(rasterImages(without.file)).toEqual([]);
    expect(logoFigures(without.file)).toEqual([]);
  }, 60_000);
});

describe("rich text edge cases", () => {
  it("typesets every node and mark, empty parts, relative links and comparison marks as PDF/UA-1", async () => {
    const data = sampleConcept({ pages: 1, measures: 1 });
    const cell = (s: string, attrs = { colspan: 1, rowspan: 1 }) => ({
      type: "tableCell",
      attrs,
      content: s ? [{ type: "paragraph", content: [{ type: "text", text: s }] }] : [{ type: "paragraph" }],
    });
    const run = (text: string, ...marks: string[]) => ({ type: "text", text, marks: marks.map((type) => ({ type })) });
    data.sections[0]!.content = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 4 }, content: [run("Nur Ebene vier")] },
        { type: "table", content: [{ type: "tableRow", content: [cell("ohne Kopfzeile"), cell("")] }, { type: "tableRow", content: [cell("breit", { colspan: 2, rowspan: 1 })] }] },
        { type: "paragraph", content: [{ type: "text", text: "relativ", marks: [{ type: "link", attrs: { href: "/concepts" } }] }, { type: "text", text: " E-Mail", marks: [{ type: "link", attrs: { href: "mailto:integration@example.org" } }, { type: "bold" }] }] },
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Überschrift mit Link", marks: [{ type: "link", attrs: { href: "https://example.org" } }] }] },
        { type: "heading", attrs: { level: 3 } },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] },
        { type: "orderedList", attrs: { start: 5 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [run("fünfter Punkt")] }] }] },
        { type: "blockquote", content: [{ type: "paragraph" }] },
        { type: "paragraph", content: [run("eingefügt", "insertion"), run(" gelöscht", "deletion"), run(" alles", "bold", "italic", "underline", "strike")] },
      ],
    };
    const { file, result } = await render("edge", { data });
    expect(result.standard).toBe("ua-1");
    const out = text(file);
    expect(out).toContain("5. fünfter Punkt");
    // Insertion and deletion marks in a part are open proposals (issue 13): a draft prints its text with them rejected.
    expect(out).toContain("gelöscht alles");
    expect(out).not.toContain("eingefügt");
  }, 60_000);
});

describe("the export queue", () => {
  it("refuses a document that is too large with a German message", async () => {
    await expect(renderPdf({ template: "concept", data: { blob: "x".repeat(13 * 1024 * 1024) } })).rejects.toThrow(/zu groß für den PDF-Export/);
  });

  it("runs exports one after another and refuses a queue that is too long", async () => {
    const data = buildPdfModel({ data: sampleConcept({ pages: 1, measures: 1 }), municipality: "M", version: null, date: new Date(), logo: null, history: null });
    const jobs = Array.from({ length: 12 }, () => renderPdf({ template: "concept", data }).then(() => "ok", (e: Error) => e.message));
    const results = await Promise.all(jobs);
    expect(results.filter((r) => r === "ok").length).toBe(9);
    expect(results.filter((r) => r !== "ok")).toEqual(Array(3).fill("Gerade werden sehr viele PDFs erstellt. Bitte versuchen Sie es in einer Minute erneut."));
  }, 120_000);
});
