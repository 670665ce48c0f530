import { expect, test } from "./fixtures";

/** Template 2 on the page: a new concept has the introduction to the fields of action; the demo concept (template 1) has none. */
test("a new concept has an introduction to the fields of action before its first field; the demo concept on template 1 has none", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  await expect(page.getByText(/Vorlage Version 1 ·/)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Einführung in die Handlungsfelder", exact: true })).toHaveCount(0);

  await conceptPage.createConcept("Integrationskonzept E2E Vorlage 2");
  await expect(page.getByText(/Vorlage Version 2 ·/)).toBeVisible();
  const chapter = page.locator("#kapitel-fields");
  const intro = chapter.getByRole("textbox", { name: "Einführung in die Handlungsfelder", exact: true });
  await expect(intro).toBeVisible();
  // Before the first field of action.
  const introTop = (await intro.boundingBox())!.y;
  const firstField = (await chapter.getByRole("heading", { level: 3, name: /^5\.1 Sprache$/ }).boundingBox())!.y;
  expect(introTop).toBeLessThan(firstField);

  const text = "Die sechs Handlungsfelder hängen zusammen: Sprache öffnet den Weg zu Arbeit, Bildung und Teilhabe.";
  await conceptPage.write("Einführung in die Handlungsfelder", text);
  await conceptPage.expectSaved("Einführung in die Handlungsfelder");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Einführung in die Handlungsfelder", exact: true })).toContainText(text);
});
