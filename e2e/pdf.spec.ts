import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { PNG } from "pngjs";
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";
import { images, pdfStructure, qpdfText } from "./pdf-read";
import { expectNoViolations } from "./support/axe";

const run = (cmd: string, ...args: string[]) => execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

test("the PDF is downloaded from the concept page with progress, read back, and its pages kept as pictures", async ({ conceptPage }, testInfo) => {
  test.setTimeout(120_000);
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();

  // Hold the answer back a moment so the progress can be seen.
  await page.route("**/export.pdf*", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  await conceptPage.openExport();
  await page.getByLabel("Versionsverlauf als Anhang").check();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "PDF exportieren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Das PDF wird erstellt …" })).toBeVisible();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Integrationskonzept_Musterstadt_Entwurf_\d{4}-\d{2}-\d{2}\.pdf$/);
  await expect(page.getByRole("status").filter({ hasText: /Das PDF „Integrationskonzept_Musterstadt_Entwurf_.*\.pdf“ wurde heruntergeladen \(\d+ Seiten\)\./ })).toBeVisible();

  const file = testInfo.outputPath("konzept.pdf");
  await download.saveAs(file);
  const info = run("pdfinfo", file);
  expect(info).toMatch(/Tagged:\s+yes/);
  expect(info).toMatch(/Title:\s+Integrationskonzept Musterstadt: Integrationskonzept der Stadt Musterstadt 2026–2030/);
  const text = run("pdftotext", "-layout", file, "-");
  expect(text).toContain("Anhang: Versionsverlauf");
  expect(text).toContain("ENTWURF");
  expect(text).toMatch(/Seite 1 von \d+/);
  expect(text).toContain("Handlungsfelder");
  expect(text).toContain("Federführung");

  // Page 1 and the first page with a measure, as pictures for a person to look at.
  const pages = text.split("\f");
  // A measure's heading: "M 5.1.1 Titel".
  const measurePage = pages.findIndex((p) => /M 5\.\d+\.\d+ /.test(p)) + 1;
  expect(measurePage).toBeGreaterThan(1);
  for (const [name, n] of [
    ["seite-1", 1],
    [`seite-${measurePage}-massnahmen`, measurePage],
  ] as const) {
    const prefix = testInfo.outputPath(name);
    run("pdftoppm", "-png", "-r", "80", "-f", String(n), "-l", String(n), "-singlefile", file, prefix);
    expect(fs.statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
    await testInfo.attach(`${name}.png`, { path: `${prefix}.png`, contentType: "image/png" });
  }
  await testInfo.attach("konzept.pdf", { path: file, contentType: "application/pdf" });
});

test("a stored version is exported with its number in the file name and on the cover", async ({ conceptPage }, testInfo) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  await conceptPage.openExport();
  const version = page.getByLabel("Fassung", { exact: true });
  await version.selectOption("1");
  await expect(page.getByRole("link", { name: "Druckvorschau" })).toHaveAttribute("href", /druckvorschau\?version=1$/);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "PDF exportieren" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Integrationskonzept_Musterstadt_v1_\d{4}-\d{2}-\d{2}\.pdf$/);
  const file = testInfo.outputPath("version-1.pdf");
  await download.saveAs(file);
  const text = run("pdftotext", "-layout", file, "-");
  expect(text).toMatch(/Fassung 1/);
  expect(run("pdfinfo", file)).toMatch(/Tagged:\s+yes/);
});

test("the print preview shows the PDF's structure in the browser", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  await conceptPage.openExport();
  await page.getByRole("link", { name: "Druckvorschau" }).click();
  await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}\/druckvorschau$/);
  await expect(page.getByRole("heading", { level: 1, name: "Integrationskonzept der Stadt Musterstadt 2026–2030" })).toBeVisible();
  const toc = page.getByRole("navigation", { name: "Inhalt" });
  await expect(toc.getByRole("link", { name: "1 Anlass und Auftrag" })).toBeVisible();
  await expect(toc.getByRole("link", { name: "5.1 Sprache" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "10 Forderungen an Land und Bund" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Übersicht aus den Maßnahmen" })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Federführung" }).first()).toBeVisible();
  // each field's parts derived from its measures, as in the PDF
  const language = page.getByRole("region", { name: "5.1 Sprache" });
  await expect(language.getByRole("heading", { level: 4, name: "Indikatoren im Überblick" })).toBeVisible();
  await expect(language.getByRole("table", { name: "Indikatoren im Überblick – Sprache" })).toBeVisible();
  await expect(language.getByRole("heading", { level: 4, name: "Zielbaum" })).toBeVisible();
  // the demo's sub-goal on the Sprachmittlerpool has no measure yet
  await expect(language.getByRole("listitem").filter({ hasText: /^Keine Maßnahme zugeordnet\.$/ })).toBeVisible();
  await expect(page.getByText("ENTWURF", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "PDF herunterladen" })).toHaveAttribute("href", /\/export\.pdf$/);
  await expectNoViolations(page, "der Druckvorschau");
});

/** The demo concept, a draft (the list's first entry is whatever another spec file running beside this one changed last). */
async function demoConceptId(page: Page) {
  const { concepts } = (await (await page.request.get("/api/concepts")).json()) as { concepts: { id: string; title: string }[] };
  const demo = concepts.find((c) => c.title === DEMO_CONCEPT_TITLE);
  expect(demo, "das Demo-Konzept in der Liste").toBeDefined();
  return demo!.id;
}

test("the PDF route refuses the signed-out, other municipalities and unknown versions", async ({ browser, playwright, baseURL }) => {
  const owner = await pageAs(browser, "reviewer");
  const conceptId = await demoConceptId(owner);
  // A reviewer may read, so may export.
  const ok = await owner.request.get(`/api/concepts/${conceptId}/export.pdf`);
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-type"]).toBe("application/pdf");
  expect(ok.headers()["content-disposition"]).toMatch(/^attachment; filename="Integrationskonzept_Musterstadt_Entwurf_\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/);
  expect((await ok.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/concepts/${conceptId}/export.pdf`)).status()).toBe(401);
  const stranger = await pageAs(browser, "otherAdmin");
  const foreign = await stranger.request.get(`/api/concepts/${conceptId}/export.pdf`);
  expect(foreign.status()).toBe(404);
  expect((await stranger.request.get(`/concepts/${conceptId}/druckvorschau`)).status()).toBe(404);
  expect((await owner.request.get(`/api/concepts/${conceptId}/export.pdf?version=abc`)).status()).toBe(400);
  expect((await owner.request.get(`/api/concepts/${conceptId}/export.pdf?version=9999`)).status()).toBe(404);
  await anonymous.dispose();
  for (const p of [owner, stranger]) await p.context().close();
});

test("the admin uploads a logo; an SVG with a script is refused; the logo is on the PDF's cover", async ({ browser }, testInfo) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/mitglieder");
  const logo = admin.getByRole("region", { name: "Logo für das PDF-Deckblatt" });
  const input = logo.getByLabel("Logo oder Wappen (PNG oder SVG)");
  await input.setInputFiles({ name: "boese.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await logo.getByRole("button", { name: "Logo hochladen" }).click();
  await expect(logo.getByRole("alert")).toHaveText(/Das SVG enthält das Element <script>, das nicht erlaubt ist/);
  await input.setInputFiles({
    name: "wappen.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 24"><title>Wappen</title><path d="M0 0h20v14l-10 10-10-10z" fill="#1f4e79"/></svg>'),
  });
  await logo.getByRole("button", { name: "Logo hochladen" }).click();
  await expect(logo.getByRole("status")).toHaveText("Das Logo „\u2068wappen.svg\u2069“ wurde gespeichert und erscheint auf dem Deckblatt des PDFs.");
  await expect(logo.getByRole("img", { name: "Aktuelles Logo" })).toBeVisible();

  // The SVG is drawn as vector graphics on the cover: a figure with its alternative text, no raster image.
  const conceptId = await demoConceptId(admin);
  const exportPdf = async (name: string) => {
    const res = await admin.request.get(`/api/concepts/${conceptId}/export.pdf`);
    expect(res.status()).toBe(200);
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, await res.body());
    return file;
  };
  const logoFigures = (file: string) =>
    pdfStructure(file).structElems.filter((e) => e["/S"] === "/Figure" && qpdfText(e["/Alt"]) === "Wappen oder Logo: Musterstadt");
  const withSvg = await exportPdf("logo-svg.pdf");
  expect(logoFigures(withSvg)).toHaveLength(1);
  expect(images(withSvg)).toEqual([]);

  // A PNG is embedded as an image on the cover page, at its own size.
  const png = new PNG({ width: 40, height: 48 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([0x1f, 0x4e, 0x79, 0xff], i);
  await input.setInputFiles({ name: "wappen.png", mimeType: "image/png", buffer: PNG.sync.write(png, { colorType: 2 }) });
  await logo.getByRole("button", { name: "Logo hochladen" }).click();
  // The message names the file, so this waits for the PNG's upload, not the SVG's message still on screen.
  await expect(logo.getByRole("status")).toHaveText("Das Logo „\u2068wappen.png\u2069“ wurde gespeichert und erscheint auf dem Deckblatt des PDFs.");
  const withPng = await exportPdf("logo-png.pdf");
  expect(images(withPng)).toEqual([{ page: 1, type: "image", width: 40, height: 48 }]);
  expect(logoFigures(withPng)).toHaveLength(1);

  // Removed, the cover has no logo any more.
  await logo.getByRole("button", { name: "Logo entfernen" }).click();
  await expect(logo.getByRole("status")).toHaveText("Das Logo wurde entfernt.");
  await expect(logo.getByRole("img", { name: "Aktuelles Logo" })).toHaveCount(0);
  const without = await exportPdf("ohne-logo.pdf");
  expect(images(without)).toEqual([]);
  expect(logoFigures(without)).toEqual([]);
  await admin.context().close();
});
