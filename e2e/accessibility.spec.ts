import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes[0]?.target.join(" ")})`);
  expect(summary, `axe auf ${name}`).toEqual([]);
}

test("public pages have no WCAG 2.1 A/AA violations", async ({ page }) => {
  for (const path of ["/login", "/registrieren", "/einladung/ungueltiger-link"]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

async function openDemoConcept(page: Page) {
  await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Gliederung" })).toBeVisible();
  return page.url();
}

// One test per group of pages: a single test over all of them ran close to the time limit on a busy machine.
test("the concept list and the concept's own pages have no WCAG 2.1 A/AA violations", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await expectNoViolations(page, "/concepts");
  const conceptUrl = await openDemoConcept(page);
  await expectNoViolations(page, "Konzeptseite");
  await page.goto(`${conceptUrl}/versionen`);
  await expectNoViolations(page, "Versionen");
  await page.goto(`${conceptUrl}/versionen/vergleich?von=1&bis=2`);
  await expectNoViolations(page, "Vergleich im Text");
  await page.goto(`${conceptUrl}/versionen/vergleich?von=1&bis=entwurf&ansicht=nebeneinander&unveraendert=1`);
  await expectNoViolations(page, "Vergleich nebeneinander");
  await page.context().close();
});

test("the peer comparison, the review page and the admin's other pages have no WCAG 2.1 A/AA violations", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const conceptUrl = await openDemoConcept(page);
  await page.goto(`${conceptUrl}/vergleich`);
  await expect(page.getByRole("heading", { name: "Vergleich mit anderen Kommunen" })).toBeVisible();
  await expectNoViolations(page, "Vergleich mit anderen Kommunen");
  await page.goto(`${conceptUrl}/vergleich/bibliothek`);
  await expectNoViolations(page, "Maßnahmenbibliothek");
  await page.goto(`${conceptUrl}/pruefung`);
  await expectNoViolations(page, "Prüfung (Leitung)");
  await page.goto(`${conceptUrl}/monitoring`);
  await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
  await expectNoViolations(page, "Monitoring");
  for (const path of ["/mitglieder", "/concepts/import", "/aufgaben", "/protokoll", "/protokoll?art=review&von=2026-01-01", "/protokoll?von=2001-01-01&bis=2001-01-02"]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  await page.context().close();
});

test("the reviewer's pages have no WCAG 2.1 A/AA violations", async ({ browser }) => {
  const reviewer = await pageAs(browser, "reviewer");
  await openDemoConcept(reviewer);
  await expectNoViolations(reviewer, "Konzeptseite (Prüfung)");
  await reviewer.goto(`${reviewer.url()}/pruefung`);
  await reviewer.getByRole("button", { name: "Kommentieren – Anlass und Auftrag" }).first().click();
  await expectNoViolations(reviewer, "Prüfung (Prüferin, Kommentarfeld offen)");
  await reviewer.goto("/aufgaben");
  await expectNoViolations(reviewer, "Für mich");
  await reviewer.context().close();
});
