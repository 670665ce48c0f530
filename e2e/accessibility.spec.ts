import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

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

// The main pages themselves (concept list, concept page, versions and comparison, review, peer comparison,
// library, print preview, monitoring, members, audit log, Für mich) get axe at 390, 768 and 1,440 px in
// screen-sizes.spec.ts; here the pages and states it does not open.
test("the import page and the audit log's filtered and empty views have no WCAG 2.1 A/AA violations", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  for (const path of ["/concepts/import", "/protokoll?art=review&von=2026-01-01", "/protokoll?von=2001-01-01&bis=2001-01-02"]) {
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
