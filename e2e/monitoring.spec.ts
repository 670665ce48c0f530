import fs from "node:fs";
import { expect, pageAs, test } from "./fixtures";
import { pageTexts } from "./pdf-read";

// Issue 14, monitoring: Ist-Werte for an indicator over three years (2023–2025), the progress toward its target, a yearly
// implementation status, and the Sachstandsbericht read back from the PDF. Leaves the shared demo concept as it was.
test("an editor records values over three years, sees the progress and reads it back in the Sachstandsbericht", async ({ browser, conceptPage, editorPage: page }, testInfo) => {
  test.setTimeout(90_000);
  const conceptId = await conceptPage.openDemoConcept();
  await (await conceptPage.openMoreActions()).getByTestId("monitoring-link").click();
  await expect(page).toHaveURL(new RegExp(`/concepts/${conceptId}/monitoring$`));
  await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
  await page.getByRole("navigation", { name: "Ansicht" }).getByRole("link", { name: /Sprache$/ }).click();
  await expect(page).toHaveURL(/\?feld=language$/);

  const measure = page.getByTestId("monitoring-measure").filter({ hasText: "Zentrale Sprachkursberatung und Kursplatzbörse" });
  const indicator = measure.getByTestId("monitoring-indicator").filter({ hasText: "Beratungsgespräche zu Sprachkursen" });
  await expect(indicator.getByTestId("indicator-progress")).toHaveText("Fortschritt: noch kein Wert");
  const form = indicator.getByTestId("value-form");

  // A word where baseline (1.350) and target (2.000) are numbers: refused, nothing stored.
  await form.getByLabel("Stichtag", { exact: true }).fill("2024-12-31");
  await form.getByLabel(/^Wert/).fill("viele");
  await form.getByRole("button", { name: "Ist-Wert speichern" }).click();
  await expect(form.getByRole("status")).toContainText("Wert: bitte eine Zahl angeben");
  await expect(indicator.getByTestId("values-table")).toHaveCount(0);

  for (const [day, value] of [["2023-12-31", "1.500"], ["2024-12-31", "1.700"], ["2025-12-31", "1.870"]] as const) {
    await form.getByLabel("Stichtag", { exact: true }).fill(day);
    await form.getByLabel(/^Wert/).fill(value);
    await form.getByRole("button", { name: "Ist-Wert speichern" }).click();
    await expect(form.getByRole("status")).toHaveText("Ist-Wert gespeichert.");
    await expect(indicator.getByTestId("values-table").getByRole("row").filter({ hasText: value })).toHaveCount(1);
  }
  // (1.870 − 1.350) / (2.000 − 1.350) = 80 % of the way.
  await expect(indicator.getByTestId("indicator-progress")).toHaveText("Fortschritt: 80 % des Wegs zum Ziel");
  await expect(indicator.getByRole("img", { name: "Verlauf: Beratungsgespräche zu Sprachkursen" })).toBeVisible();
  await expect(indicator.getByTestId("values-table").getByRole("row")).toHaveCount(4);
  await expect(indicator.getByTestId("values-table")).toContainText("Falldokumentation KI");
  // The Fortschreibung starts from here: the indicator is short of its target, with its latest value.
  await expect(page.getByTestId("update-missed").getByRole("row").filter({ hasText: "Beratungsgespräche zu Sprachkursen" })).toContainText("1.870 Anzahl am 31.12.2025");

  const yearForm = measure.getByTestId("year-status-form");
  await yearForm.getByLabel("Jahr", { exact: true }).selectOption("2025");
  await yearForm.getByLabel("Umsetzungsstand", { exact: true }).selectOption({ label: "teilweise umgesetzt" });
  await yearForm.getByLabel("Kurze Anmerkung").fill("Kursplatzbörse erst ab Herbst online");
  await yearForm.getByRole("button", { name: "Umsetzungsstand speichern" }).click();
  await expect(measure.getByTestId("year-status-table").getByRole("row").filter({ hasText: "2025" })).toContainText("teilweise umgesetzt");

  // A reviewer reads the same, without forms.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(`/concepts/${conceptId}/monitoring?feld=language`);
  const seen = reviewer.getByTestId("monitoring-indicator").filter({ hasText: "Beratungsgespräche zu Sprachkursen" });
  await expect(seen.getByTestId("indicator-progress")).toHaveText("Fortschritt: 80 % des Wegs zum Ziel");
  await expect(reviewer.getByTestId("value-form")).toHaveCount(0);
  await reviewer.context().close();

  const href = await page.getByTestId("sachstandsbericht-link").getAttribute("href");
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toMatch(/Sachstandsbericht_Musterstadt_\d{4}_\d{4}-\d{2}-\d{2}\.pdf/);
  const file = testInfo.outputPath("sachstandsbericht.pdf");
  fs.writeFileSync(file, await res.body());
  const text = pageTexts(file).join("\n").replace(/[\u2068\u2069]/g, "").replace(/\s+/g, " ");
  expect(text).toContain("Zentrale Sprachkursberatung und Kursplatzbörse");
  expect(text).toContain("Indikator: Beratungsgespräche zu Sprachkursen");
  expect(text).toContain("Fortschritt: 80 % des Wegs zum Ziel");
  expect(text).toMatch(/31\.12\.2025 1\.870 Anzahl/);
  expect(text).toContain("2025 teilweise umgesetzt Kursplatzbörse erst ab Herbst online");
  expect(text).toMatch(/Mittel \d{4}/);
  expect(text).toContain("Für die Fortschreibung");

  // Leave the shared demo concept as it was.
  await measure.getByTestId("year-status-table").getByRole("button", { name: "Umsetzungsstand 2025 entfernen" }).click();
  await expect(measure.getByTestId("year-status-table")).toHaveCount(0);
  for (let left = 3; left > 0; left--) {
    await indicator.getByTestId("values-table").getByRole("button", { name: /^Ist-Wert löschen/ }).first().click();
    await expect(indicator.getByTestId("values-table").getByRole("button", { name: /^Ist-Wert löschen/ })).toHaveCount(left - 1);
  }
  await expect(indicator.getByTestId("indicator-progress")).toHaveText("Fortschritt: noch kein Wert");
});
