/**
 * The PDF as the real route serves it, read back page by page: PDF/UA-1 in the
 * structure (not only Typst's claim), the table of contents' page numbers, the
 * running header, German hyphenation, and the ENTWURF mark.
 */
import { adoptThroughStatusPath } from "./pages/status";
import fs from "node:fs";
import type { APIResponse, Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";
import { pageTexts, pdfStructure, pdfUaPart, qpdfText } from "./pdf-read";

/** A copy of the demo concept (so the demo others read stays as it is); returns its id and title. */
async function importDemoCopy(page: Page, baseURL: string) {
  const { concepts } = (await (await page.request.get("/api/concepts")).json()) as { concepts: { id: string; title: string }[] };
  const demo = concepts.find((c) => c.title === DEMO_CONCEPT_TITLE)!;
  const backup = await (await page.request.get(`/api/concepts/${demo.id}/export`)).json();
  const imported = await page.request.post("/api/concepts/import", { data: backup, headers: { Origin: baseURL } });
  expect(imported.status()).toBe(201);
  const { id } = (await imported.json()) as { id: string };
  const tree = (await (await page.request.get(`/api/concepts/${id}`)).json()) as { title: string };
  return { id, title: tree.title };
}

async function savePdf(res: APIResponse, file: string) {
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/pdf");
  fs.writeFileSync(file, await res.body());
  return file;
}

const cell = (type: "tableHeader" | "tableCell", text: string) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});
const LONG_WORDS = ["Integrationsbeauftragte", "Verwaltungsvereinbarung", "Zuwanderungsgeschichte", "Sprachförderangebote", "Ausbildungsvermittlung"];

test.describe("the draft PDF as the route serves it", () => {
  // One PDF for the checks below (each its own test, so that each broken property shows on its own).
  let served: { file: string; title: string; headers: Record<string, string> };
  let plain: string[];
  let layout: string[];

  test.beforeAll(async ({ browser, baseURL }, testInfo) => {
    testInfo.setTimeout(120_000);
    const editor = await pageAs(browser, "editor");
    const { id, title } = await importDemoCopy(editor, baseURL!);

    // Six narrow columns of long German compounds: they only fit hyphenated.
    const tree = await (await editor.request.get(`/api/concepts/${id}`)).json();
    const mandate = tree.chapters.mandate.text as { id: string; revision: number };
    const row = (type: "tableHeader" | "tableCell", texts: string[]) => ({ type: "tableRow", content: texts.map((t) => cell(type, t)) });
    const content = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Der Rat hat die Verwaltung beauftragt." }] },
        { type: "table", content: [row("tableHeader", ["A", "B", "C", "D", "E", "F"]), row("tableCell", Array(6).fill(LONG_WORDS.join(" ")))] },
      ],
    };
    const put = await editor.request.put(`/api/concepts/${id}/sections/${mandate.id}`, { data: { baseRevision: mandate.revision, content }, headers: { Origin: baseURL! } });
    expect(put.status()).toBe(200);

    const res = await editor.request.get(`/api/concepts/${id}/export.pdf`);
    const file = await savePdf(res, testInfo.outputPath("entwurf.pdf"));
    served = { file, title, headers: res.headers() };
    plain = pageTexts(file);
    layout = pageTexts(file, true);
    const pageCount = Number(served.headers["x-pdf-pages"]);
    expect(plain).toHaveLength(pageCount);
    expect(layout).toHaveLength(pageCount);
    await editor.context().close();
  });

  test("is PDF/UA-1: the route says so, and the catalogue, the structure tree and the XMP metadata show it", () => {
    expect(served.headers["x-pdf-standard"]).toBe("ua-1");
    const pdf = pdfStructure(served.file);
    expect(pdf.catalog["/StructTreeRoot"]).toMatch(/^\d+ 0 R$/);
    expect(pdf.structTreeRoot).toMatchObject({ "/Type": "/StructTreeRoot" });
    expect(pdf.structTreeRoot!["/K"]).toBeTruthy();
    expect(pdf.catalog["/MarkInfo"]).toMatchObject({ "/Marked": true });
    expect(qpdfText(pdf.catalog["/Lang"])).toMatch(/^de(-DE)?$/);
    expect(pdf.catalog["/ViewerPreferences"]).toMatchObject({ "/DisplayDocTitle": true });
    expect(String(pdfUaPart(pdf.xmp)), "pdfuaid:part in the XMP metadata").toBe("1");
    // Headings, tables and paragraphs are tagged as such.
    const roles = new Set(pdf.structElems.map((e) => e["/S"]));
    for (const role of ["/H1", "/H2", "/P", "/Table", "/TH", "/TD"]) expect(roles, `structure role ${role}`).toContain(role);
  });

  test("has ENTWURF on every page, and counts the pages in the footer", () => {
    const withoutMark = plain.map((t, i) => (t.includes("ENTWURF") ? 0 : i + 1)).filter(Boolean);
    expect(withoutMark, "pages without ENTWURF").toEqual([]);
    plain.forEach((t, i) => expect(t).toContain(`Seite ${i + 1} von ${plain.length}`));
  });

  test("has the running header (title left, municipality right) on every page after the cover", () => {
    const firstLine = (t: string) => t.split("\n").find((l) => l.trim())!.trim();
    const header = new RegExp(`^${escape(served.title)}\\s+Musterstadt$`);
    expect(firstLine(layout[0]!)).not.toMatch(header);
    const withoutHeader = layout.slice(1).map((t, i) => (header.test(firstLine(t)) ? 0 : i + 2)).filter(Boolean);
    expect(withoutHeader, "pages without the running header").toEqual([]);
  });

  test("prints in the table of contents, for each chapter and field of action, the page on which its heading stands", () => {
    const tocPages = layout.map((t, i) => ({ t, i })).filter(({ t }) => /^\s*Inhalt\s*$/m.test(t));
    expect(tocPages.length).toBeGreaterThan(0);
    const entries = tocPages.flatMap(({ t }) =>
      // Without word joiners and the isolation marks (FSI…PDI) around user text.
      [...t.replace(/[\u2060\u2066-\u2069]/g, "").matchAll(/^\s*(\d+(?:\.\d+)?) (.+?)(?: \.)+ *(\d+)\s*$/gm)].map((m) => ({ number: m[1]!, title: m[2]!.trim(), page: Number(m[3]) })),
    );
    expect(entries.map((e) => e.number)).toEqual(expect.arrayContaining(["1", "2", "3", "4", "5", "5.1", "5.2", "6", "7", "8", "9", "10"]));
    const lastToc = tocPages.at(-1)!.i;
    for (const entry of entries) {
      const heading = `${entry.number} ${entry.title}`;
      const found = plain.findIndex((t, i) => i > lastToc && t.split("\n").some((l) => l.replace(/[\u2066-\u2069]/g, "").trim() === heading));
      expect(found + 1, `page of „${heading}“`).toBe(entry.page);
    }
  });

  test("breaks long German words in a narrow column with a hyphen at the line end", () => {
    const breaks = plain.flatMap((t) => {
      const lines = t.split("\n");
      return lines.flatMap((l, i) => {
        const m = /(\p{L}+)\u00ad$/u.exec(l);
        const next = /^(\p{L}+)/u.exec(lines[i + 1] ?? "");
        return m && next ? [{ head: m[1]!, tail: next[1]!, word: m[1]! + next[1]! }] : [];
      });
    });
    const broken = breaks.filter((b) => LONG_WORDS.includes(b.word));
    expect(broken.length, `hyphenated words: ${JSON.stringify(breaks.slice(0, 10))}`).toBeGreaterThan(0);
  });
});

test("an adopted concept's PDF carries no ENTWURF, neither the current state nor the adopted version", async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const editor = await pageAs(browser, "editor");
  const { id } = await importDemoCopy(editor, baseURL!);

  // The draft copy says ENTWURF (on every page: the test above).
  const draft = await savePdf(await editor.request.get(`/api/concepts/${id}/export.pdf`), testInfo.outputPath("entwurf.pdf"));
  expect(pageTexts(draft)[0]).toContain("ENTWURF");

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/concepts/${id}/versionen`);
  // An import starts as a draft: the whole status path up to the council.
  await adoptThroughStatusPath(admin, { date: "2026-03-12", reference: "Drucksache 2026/0816" });

  const { versions } = (await (await editor.request.get(`/api/concepts/${id}/versions`)).json()) as { versions: { number: number; status: string }[] };
  const adopted = versions.find((v) => v.status === "adopted")!;
  expect(adopted).toMatchObject({ number: expect.any(Number), status: "adopted" });
  for (const [name, query] of [
    ["beschlossen-aktuell", ""],
    [`beschlossen-v${adopted.number}`, `?version=${adopted.number}`],
  ] as const) {
    const res = await editor.request.get(`/api/concepts/${id}/export.pdf${query}`);
    const file = await savePdf(res, testInfo.outputPath(`${name}.pdf`));
    const pages = pageTexts(file);
    expect(pages.length).toBe(Number(res.headers()["x-pdf-pages"]));
    const marked = pages.map((t, i) => (/ENTWURF/.test(t) ? i + 1 : 0)).filter(Boolean);
    expect(marked, `${name}: pages with ENTWURF`).toEqual([]);
    expect(pages[0]).toContain("Beschlossen");
  }
  await admin.context().close();
  await editor.context().close();
});

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
