import fs from "node:fs";
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { adoptThroughStatusPath } from "./pages/status";
import { pageTexts } from "./pdf-read";

// Issue 14, context monitoring: key figures of the Ausgangslage with year and source, printed under chapter 3 of the PDF,
// kept through a Fortschreibung, and shown with their change once a later year is entered. Its own concept: the status
// path would change the shared demo concept.

async function enterKeyFigure(page: Page, v: { name: string; value: string; unit: string; year: string; source: string }) {
  const form = page.getByTestId("key-figure-form");
  await form.getByLabel("Kennzahl", { exact: true }).fill(v.name);
  await form.getByLabel("Wert", { exact: true }).fill(v.value);
  await form.getByLabel("Einheit", { exact: true }).fill(v.unit);
  await form.getByLabel("Jahr", { exact: true }).fill(v.year);
  await form.getByLabel("Quelle", { exact: true }).fill(v.source);
  await form.getByRole("button", { name: "Kennzahl speichern" }).click();
  await expect(form.getByRole("status")).toHaveText("Kennzahl gespeichert.");
  // The status may still show the previous save: wait for the value itself in the figure's row.
  await expect(page.getByTestId("key-figure-row").filter({ hasText: v.name }).getByRole("cell").first()).toHaveText(v.value);
}

async function pdfText(page: Page, conceptId: string, file: string) {
  const res = await page.request.get(`/api/concepts/${conceptId}/export.pdf`);
  expect(res.status()).toBe(200);
  fs.writeFileSync(file, await res.body());
  return pageTexts(file).join("\n").replace(/[\u2068\u2069\u00ad]/g, "").replace(/\s+/g, " ");
}

test("key figures: enter two, see them in the PDF, start a Fortschreibung, enter new values and see the change", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const admin = await pageAs(browser, "admin");
  const conceptId = await new ConceptPage(admin).createConcept(`Kennzahlen ${Date.now()}`);
  await admin.goto(`/concepts/${conceptId}/monitoring`);
  const section = admin.getByTestId("key-figures");
  await expect(section.getByTestId("key-figures-empty")).toBeVisible();

  await enterKeyFigure(admin, { name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "1.250", unit: "Personen", year: "2024", source: "Melderegister" });
  await enterKeyFigure(admin, { name: "Arbeitslosenquote Nichtdeutsche", value: "12,5", unit: "%", year: "2024", source: "Bundesagentur für Arbeit" });
  const rows = section.getByTestId("key-figure-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Einwohner mit ausländischer Staatsangehörigkeit" })).toContainText("1.250");
  // A word is no value: refused, nothing stored.
  const form = admin.getByTestId("key-figure-form");
  await form.getByLabel("Kennzahl", { exact: true }).fill("Schulabschlüsse");
  await form.getByLabel("Wert", { exact: true }).fill("viele");
  await form.getByRole("button", { name: "Kennzahl speichern" }).click();
  await expect(form.getByRole("status")).toContainText("Wert: bitte eine Zahl angeben");
  await expect(rows).toHaveCount(2);

  const first = await pdfText(admin, conceptId, testInfo.outputPath("vorher.pdf"));
  expect(first).toContain("Kennzahlen der Ausgangslage");
  // pdftotext reads the table column by column.
  for (const cell of ["Einwohner mit ausländischer Staatsangehörigkeit", "Arbeitslosenquote Nichtdeutsche", "1.250 Personen", "12,5 %", "Melderegister", "Bundesagentur für Arbeit"]) {
    expect(first).toContain(cell);
  }
  expect(first).not.toContain("→");

  await admin.goto(`/concepts/${conceptId}/versionen`);
  await adoptThroughStatusPath(admin, { date: "2025-03-12", reference: "Drucksache 2025/0042" });
  await admin.reload();
  await admin.getByRole("button", { name: "Fortschreibung beginnen (neuer Entwurf)" }).click();
  await admin.getByRole("button", { name: "Ja, Fortschreibung beginnen" }).click();
  await expect(admin.getByText("Fortschreibung begonnen")).toBeVisible();

  // The new draft keeps the 2024 values; the 2026 values go beside them.
  await admin.goto(`/concepts/${conceptId}/monitoring`);
  await expect(rows).toHaveCount(2);
  await enterKeyFigure(admin, { name: "Einwohner mit ausländischer Staatsangehörigkeit", value: "1.410", unit: "Personen", year: "2026", source: "Melderegister" });
  await enterKeyFigure(admin, { name: "Arbeitslosenquote Nichtdeutsche", value: "10", unit: "%", year: "2026", source: "Bundesagentur für Arbeit" });
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Einwohner" }).getByTestId("key-figure-change")).toHaveText("2024: 1.250 → 2026: 1.410, +12,8 %");
  await expect(rows.filter({ hasText: "Arbeitslosenquote" }).getByTestId("key-figure-change")).toHaveText("2024: 12,5 → 2026: 10, −2,5 Prozentpunkte");

  // The concept page shows the same table under its chapter Ausgangslage, read-only, with a link to the monitoring.
  await admin.goto(`/concepts/${conceptId}`);
  const onPage = admin.locator("#kapitel-baseline").getByTestId("key-figures");
  await expect(onPage.getByTestId("key-figure-row").filter({ hasText: "Einwohner" }).getByTestId("key-figure-change")).toHaveText("2024: 1.250 → 2026: 1.410, +12,8 %");
  await expect(onPage.getByTestId("key-figure-form")).toHaveCount(0);

  const second = await pdfText(admin, conceptId, testInfo.outputPath("nachher.pdf"));
  expect(second).toContain("2024: 1.250 → 2026: 1.410, +12,8 %");
  expect(second).toContain("2024: 12,5 → 2026: 10, −2,5 Prozentpunkte");

  // A reviewer reads the table without the form.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(`/concepts/${conceptId}/monitoring`);
  await expect(reviewer.getByTestId("key-figure-row")).toHaveCount(2);
  await expect(reviewer.getByTestId("key-figure-form")).toHaveCount(0);
  await reviewer.context().close();
  await admin.context().close();
});
