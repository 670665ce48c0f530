/**
 * The Word and OpenDocument exports, opened in a real office suite: the demo
 * concept (current draft and an adopted version) is fetched through the route
 * handlers, every file is converted once by LibreOffice headless to text and
 * once to PDF, and what comes out is compared with the concept itself.
 *
 * Only next-auth's cookie decoding is replaced (there is no request in a test):
 * `auth()` returns the session id the test chooses; the session is a real row,
 * checked by currentActor as for every request.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import type { JSONContent } from "@tiptap/core";
import { strFromU8, unzipSync } from "fflate";
import { GET as docxRoute } from "@/app/api/concepts/[conceptId]/export.docx/route";
import { GET as odtRoute } from "@/app/api/concepts/[conceptId]/export.odt/route";
import { closeDb, getDb } from "@/db";
import { insertSeedConcept, insertSeedHistory } from "@/lib/demo/seed";
import { musterstadtConcept } from "@/lib/demo/seed-data/musterstadt";
import type { Actor } from "@/lib/authz/require-role";
import { exportConcept, type ConceptExport } from "@/lib/concepts/exchange";
import { plainText } from "@/lib/editor/document";
import { loadPdfModel } from "@/lib/pdf/export";
import type { PdfModel } from "@/lib/pdf/model";
import { loadVersion } from "@/lib/versions/read";
import { changeStatus } from "@/lib/versions/service";
import { signIn } from "../support/data";
import { makeMunicipality } from "../support/fixtures";

type Town = Awaited<ReturnType<typeof makeMunicipality>>;
type Kind = "draft" | "adopted";
type Format = "docx" | "odt";
const FORMATS: Format[] = ["docx", "odt"];
const KINDS: Kind[] = ["draft", "adopted"];
const routes = { docx: docxRoute, odt: odtRoute };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-office-"));
let town: Town;
let conceptId: string;
let adopted: number;
const models = {} as Record<Kind, PdfModel>;
const data = {} as Record<Kind, ConceptExport>;
const files = {} as Record<`${Kind}-${Format}`, { bytes: Uint8Array; disposition: string; type: string }>;
const text = {} as Record<`${Kind}-${Format}`, string>;
const pdf = {} as Record<`${Kind}-${Format}`, { text: string; pages: number }>;

/** One LibreOffice run converting all files at once; its own profile, a time limit, never two at the same time. */
let queue: Promise<unknown> = Promise.resolve();
function soffice(target: string, inputs: string[]) {
  const run = queue.then(() => {
    const profile = fs.mkdtempSync(path.join(dir, "profile-"));
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", target, "--outdir", dir, ...inputs], {
      env: { ...process.env, HOME: profile },
      timeout: 180_000,
      stdio: "pipe",
    });
  });
  queue = run.catch(() => {});
  return run;
}

const signedIn = new Set<string>();
async function call(format: Format, actor: Actor | null, query = "") {
  if (actor && !signedIn.has(actor.sessionId)) {
    await signIn(actor);
    signedIn.add(actor.sessionId);
  }
  session.id = actor?.sessionId ?? null;
  return routes[format](new Request(`http://localhost/api/concepts/${conceptId}/export.${format}${query}`), { params: Promise.resolve({ conceptId }) });
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Every paragraph, heading and cell of a document as its text (hard breaks as spaces). */
function textBlocks(doc: JSONContent | null | undefined): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "paragraph" || n.type === "heading") {
      const s = squash(plainText(n));
      if (s) out.push(s);
    } else (n.content ?? []).forEach(walk);
  };
  if (doc) walk(doc);
  return out;
}

beforeAll(async () => {
  town = await makeMunicipality("Musterstadt");
  const concept = await insertSeedConcept(await getDb(), { municipalityId: town.municipality.id, userId: town.editor.id, seed: musterstadtConcept });
  await insertSeedHistory(await getDb(), { concept, editorId: town.editor.id, adminId: town.admin.id });
  conceptId = concept.id;
  // Along the municipal path to the council's decision, then a Fortschreibung: the current state is a draft again.
  await changeStatus(town.admin, { conceptId, status: "participation" });
  await changeStatus(town.admin, { conceptId, status: "council_proposal" });
  adopted = (await changeStatus(town.admin, { conceptId, status: "adopted", decisionDate: "2026-03-18", decisionReference: "Drucksache 0815/2026" })).number;
  await changeStatus(town.admin, { conceptId, status: "draft" });

  data.draft = await exportConcept(town.viewer, conceptId);
  data.adopted = (await loadVersion(conceptId, adopted)).snapshot;
  models.draft = (await loadPdfModel(town.viewer, conceptId)).model;
  models.adopted = (await loadPdfModel(town.viewer, conceptId, { version: adopted })).model;

  for (const kind of KINDS) {
    for (const format of FORMATS) {
      const res = await call(format, town.viewer, kind === "adopted" ? `?version=${adopted}` : "");
      expect(res.status, `${kind}.${format}`).toBe(200);
      files[`${kind}-${format}`] = {
        bytes: new Uint8Array(await res.arrayBuffer()),
        disposition: res.headers.get("Content-Disposition") ?? "",
        type: res.headers.get("Content-Type") ?? "",
      };
      fs.writeFileSync(path.join(dir, `${kind}-${format}.${format}`), files[`${kind}-${format}`].bytes);
    }
  }
  const inputs = KINDS.flatMap((k) => FORMATS.map((f) => path.join(dir, `${k}-${f}.${f}`)));
  await soffice("txt:Text", inputs);
  await soffice("pdf", inputs);
  for (const kind of KINDS) {
    for (const format of FORMATS) {
      const name = `${kind}-${format}`;
      text[name as `${Kind}-${Format}`] = fs.readFileSync(path.join(dir, `${name}.txt`), "utf8").replace(/^\uFEFF/, "");
      const file = path.join(dir, `${name}.pdf`);
      pdf[name as `${Kind}-${Format}`] = {
        text: execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }),
        pages: Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]),
      };
    }
  }
}, 300_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

const each = KINDS.flatMap((kind) => FORMATS.map((format) => [`${kind}.${format}`, kind, format] as const));

describe("DOCX and ODT export, read back by LibreOffice", () => {
  it.each(each)("%s: the cover, the table of contents and every chapter and field of action in template order", (_n, kind, format) => {
    const model = models[kind];
    const lines = text[`${kind}-${format}`].split("\n").map((l) => l.trim());
    // cover
    expect(lines.slice(0, 8).join("\n")).toContain("Integrationskonzept");
    expect(lines).toContain(model.meta.title);
    expect(lines.some((l) => l.startsWith("Status") && l.endsWith(model.meta.status))).toBe(true);
    // Headings in the order of the template: chapters, and the fields of action as sub-chapters of chapter 5.
    const headings = model.chapters.flatMap((ch) => [`${ch.number} ${ch.title}`, ...ch.fields.map((f) => `${f.number} ${f.title}`)]);
    expect(headings.length).toBeGreaterThan(15);
    const toc = lines.indexOf("Inhalt");
    expect(toc, "table of contents").toBeGreaterThan(0);
    // The table of contents lists them (entries may end in a tab and the page number) …
    let at = toc;
    for (const h of headings) {
      const found = lines.findIndex((l, i) => i > at && l.replace(/\t.*$/, "") === h);
      expect(found, `TOC entry ${h}`).toBeGreaterThan(at);
      at = found;
    }
    // … and the body has them as headings, in the same order, after the table of contents.
    for (const h of headings) {
      const found = lines.findIndex((l, i) => i > at && l === h);
      expect(found, `heading ${h}`).toBeGreaterThan(at);
      at = found;
    }
  });

  it.each(each)("%s: every paragraph of the concept's text is in the file, with umlauts, ß and „“ intact", (_n, kind, format) => {
    const exported = squash(text[`${kind}-${format}`]);
    const d = data[kind];
    const blocks = [
      ...d.sections.flatMap((s) => textBlocks(s.content)),
      ...d.measures.flatMap((m) => [squash(m.title), ...textBlocks(m.description)]),
      ...d.subGoals.map((g) => squash(g.text)),
    ].filter(Boolean);
    expect(blocks.length).toBeGreaterThan(100);
    const missing = blocks.filter((b) => !exported.includes(b));
    expect(missing, "paragraphs not found in the exported text").toEqual([]);
    expect(exported).toContain("„Willkommen in Musterstadt“");
    expect(exported).toMatch(/ß/);
    expect(exported).toMatch(/[äöüÄÖÜ]/);
  });

  it.each(each)("%s: the measures as tables with their facts, and the funding overview's numbers", (_n, kind, format) => {
    const t = text[`${kind}-${format}`];
    const lines = t.split("\n").map((l) => l.trim());
    const model = models[kind];
    const measures = model.chapters.flatMap((c) => c.fields.flatMap((f) => f.parts.flatMap((p) => (p.kind === "measures" ? p.items : []))));
    expect(measures.length).toBeGreaterThan(5);
    for (const m of measures) {
      const start = lines.indexOf(`${m.number} ${m.title}`);
      expect(start, `measure ${m.number}`).toBeGreaterThan(0);
      // A table: label and value cells, one per line in the text export.
      const after = lines.slice(start);
      for (const f of m.facts) {
        const label = after.indexOf(f.label);
        expect(label, `${m.number}: ${f.label}`).toBeGreaterThan(0);
        for (const v of typeof f.value === "string" ? [f.value] : f.value) expect(after.slice(label + 1, label + 12), `${m.number}: ${f.label}`).toContain(v);
      }
      for (const f of m.funding) expect(after.slice(0, 200)).toContain(f.amount);
    }
    const funding = model.chapters.find((c) => c.funding)!.funding!;
    // the last occurrence: the Word table of contents lists the heading too
    const overview = lines.slice(lines.lastIndexOf("Übersicht aus den Maßnahmen"));
    expect(overview.length).toBeLessThan(lines.length);
    // Every table of the computed overview (lib/funding/view.ts), caption and cells, in the order the PDF prints them.
    const printedOverview = overview.join("\n");
    let from = 0;
    for (const t of funding.tables) {
      const at = printedOverview.indexOf(t.caption, from);
      expect(at, t.caption).toBeGreaterThanOrEqual(0);
      for (const r of t.rows) for (const cell of r.cells) expect(printedOverview.slice(at), `${t.caption}: ${cell}`).toContain(cell);
      from = at;
    }
    expect(funding.tables.some((t) => t.rows.some((r) => r.total && r.cells.some((c) => /\d\.\d{3}\s€/.test(c))))).toBe(true);
    expect(printedOverview).toContain("Förderklippe");
  });

  it.each(each)("%s: header and footer, the ENTWURF mark only where not adopted, and a sensible page count", (_n, kind, format) => {
    const { text: printed, pages } = pdf[`${kind}-${format}`];
    expect(printed).toMatch(new RegExp(`Seite 2 von ${pages}`));
    if (kind === "draft") expect(printed).toContain("ENTWURF");
    else {
      expect(printed).not.toContain("ENTWURF");
      expect(printed).toContain("Beschlossen");
      expect(printed).toContain(`Fassung ${adopted}`);
    }
    // The demo concept is about 25–30 pages in LibreOffice's layout (the Typst PDF: about as many).
    expect(pages).toBeGreaterThanOrEqual(18);
    expect(pages).toBeLessThanOrEqual(60);
  });

  it("both formats come out about as long as each other", () => {
    for (const kind of KINDS) {
      const ratio = pdf[`${kind}-docx`].pages / pdf[`${kind}-odt`].pages;
      expect(ratio).toBeGreaterThan(0.7);
      expect(ratio).toBeLessThan(1.4);
    }
  });
});

describe("the files themselves", () => {
  it("DOCX: Word's heading styles, an updatable TOC field, German, repeated header rows, real lists, links", () => {
    const zip = unzipSync(files["draft-docx"].bytes);
    const document = strFromU8(zip["word/document.xml"]!);
    const styles = strFromU8(zip["word/styles.xml"]!);
    const has = (xml: string, part: string) => expect(xml.includes(part), part).toBe(true);
    for (const level of [1, 2, 3]) has(document, `<w:pStyle w:val="Heading${level}"/>`);
    has(document, "<w:instrText xml:space=\"preserve\">TOC \\h \\o &quot;1-2&quot;</w:instrText>");
    expect(strFromU8(zip["word/settings.xml"]!)).toContain("<w:updateFields");
    expect(styles).toMatch(/<w:lang w:val="de-DE"/);
    has(document, "<w:tblHeader/>");
    has(document, "<w:numPr>");
    has(document, "<w:hyperlink w:history=\"1\" r:id=");
    expect(strFromU8(zip["word/_rels/document.xml.rels"]!)).toMatch(/TargetMode="External"/);
    // the watermark sits in the header; the adopted version has none
    expect(Object.entries(zip).some(([name, b]) => name.startsWith("word/header") && strFromU8(b).includes('string="ENTWURF"'))).toBe(true);
    const adoptedZip = unzipSync(files["adopted-docx"].bytes);
    expect(Object.entries(adoptedZip).some(([name, b]) => name.startsWith("word/header") && strFromU8(b).includes("ENTWURF"))).toBe(false);
  });

  it("ODT: the mimetype first and stored, headings with outline levels, header rows, German", () => {
    const bytes = files["draft-odt"].bytes;
    expect(strFromU8(bytes.subarray(30, 38))).toBe("mimetype");
    expect(strFromU8(bytes.subarray(38, 38 + 39))).toBe("application/vnd.oasis.opendocument.text");
    const zip = unzipSync(bytes);
    const content = strFromU8(zip["content.xml"]!);
    expect(content).toContain('office:version="1.3"');
    expect(content).toMatch(/<text:h text:style-name="[^"]+" text:outline-level="1">/);
    expect(content).toContain("<table:table-header-rows>");
    expect(content).toContain("<text:table-of-content ");
    expect(strFromU8(zip["styles.xml"]!)).toContain('fo:language="de" fo:country="DE"');
    expect(strFromU8(zip["META-INF/manifest.xml"]!)).toContain('manifest:full-path="content.xml"');
  });

  it("are named like the PDF and sent with their media types", () => {
    const day = /_(\d{4}-\d{2}-\d{2})\.docx"/.exec(files["draft-docx"].disposition)?.[1];
    expect(files["draft-docx"].disposition).toMatch(/^attachment; filename="Integrationskonzept_Musterstadt-[A-Za-z0-9-]+_Entwurf_\d{4}-\d{2}-\d{2}\.docx"; filename\*=UTF-8''/);
    expect(files["draft-odt"].disposition).toContain(`_Entwurf_${day}.odt"`);
    expect(files["adopted-docx"].disposition).toMatch(new RegExp(`_v${adopted}_\\d{4}-\\d{2}-\\d{2}\\.docx"`));
    expect(files["draft-docx"].type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(files["draft-odt"].type).toBe("application/vnd.oasis.opendocument.text");
  });
});

describe("access, as for the PDF export", () => {
  it.each(FORMATS)("%s: signed out 401, another municipality 404, an unknown version 404, a bad version 400; every role of the municipality may export", async (format) => {
    const signedOut = await call(format, null);
    expect(signedOut.status).toBe(401);
    const other = await makeMunicipality("Fremdstadt");
    const foreign = await call(format, other.admin);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toMatch(/nicht gefunden/i);
    expect((await call(format, town.viewer, "?version=999")).status).toBe(404);
    expect((await call(format, town.viewer, "?version=abc")).status).toBe(400);
    for (const role of ["admin", "editor", "reviewer"] as const) expect((await call(format, town[role])).status).toBe(200);
  });
});
