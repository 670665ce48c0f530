import { expect, pageAs, test } from "./fixtures";

// Issue 14: the funding cliff of the demo concept (chart, table, summary) and a Konzept-Check finding marked "bewusst so".
test("the demo concept shows its funding cliff, and a finding marked 'bewusst so' keeps its reason for reviewers", async ({ browser, conceptPage, editorPage: page }) => {
  const conceptId = await conceptPage.openDemoConcept();

  const cliff = page.getByTestId("funding-cliff");
  await cliff.scrollIntoViewIfNeeded();
  await expect(cliff.getByTestId("cliff-summary")).toContainText("zusammen 203.000 € pro Jahr, die je ab ihrem Ende bis zum Ende der Maßnahme fehlen. Am meisten fällt 2029 weg: 85.000 € pro Jahr, bei 2 VZÄ");
  await expect(cliff.getByRole("img", { name: "Förderklippe: wegfallende Förderung pro Jahr" })).toBeVisible();
  await cliff.getByText("Als Tabelle anzeigen: Förderklippe").click();
  const byYear = cliff.getByRole("table", { name: "Förderklippe: wegfallende Förderung nach Jahr, Quelle und Programm" });
  await expect(byYear.getByRole("row").filter({ hasText: "KOMM-AN NRW" })).toContainText(["2027", "Land", "KOMM-AN NRW", "2", "53.000 €"].join(""));
  await expect(page.getByTestId("funding-excluded")).toContainText("Frauen in Arbeit");

  const panel = page.getByTestId("check-panel");
  await expect(page.getByTestId("check-count")).toHaveText(/^Konzept-Check \(\d+\)$/);
  await panel.getByText(/^Warnungen \(\d+\)$/).click();
  const finding = panel.getByTestId("check-finding").filter({ hasText: "Das Handlungsfeld „Gesundheit“ hat keine Maßnahme." });
  await expect(finding.getByRole("link", { name: /Zur Stelle/ })).toHaveAttribute("href", `/concepts/${conceptId}#feld-health`);
  await finding.getByText("Bewusst so …").click();
  await finding.getByRole("textbox", { name: /^Begründung/ }).fill("Gesundheit folgt mit der Fortschreibung 2028.");
  await finding.getByRole("button", { name: "Als „bewusst so“ markieren" }).click();
  await panel.getByText(/^Bewusst so \(\d+\)$/).click();
  const acknowledged = panel.getByTestId("check-acknowledged").filter({ hasText: "Gesundheit" });
  await expect(acknowledged).toContainText("Gesundheit folgt mit der Fortschreibung 2028.");

  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(`/concepts/${conceptId}`);
  const seen = reviewer.getByTestId("check-panel");
  await seen.getByText(/^Bewusst so \(\d+\)$/).click();
  await expect(seen.getByTestId("check-acknowledged").filter({ hasText: "Gesundheit" })).toContainText("Gesundheit folgt mit der Fortschreibung 2028.");
  await expect(seen.getByText("Bewusst so …")).toHaveCount(0);
  await reviewer.context().close();

  // leave the shared demo concept as it was
  await acknowledged.getByRole("button", { name: "zurücknehmen" }).click();
  await expect(panel.getByTestId("check-acknowledged").filter({ hasText: "Gesundheit" })).toHaveCount(0);
});
