import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { FieldOfAction } from "./pages/measures";
import { expectNoViolations } from "./support/axe";

/** Fresh concepts only: other specs rely on the seeded demo concept. */

test("the admin archives a fresh concept and takes it back out; an archived concept is read-only", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const concepts = new ConceptPage(page);
  const title = `Archiv-Test ${Date.now()}`;
  const conceptId = await concepts.createConcept(title);
  await page.goto("/concepts");
  const item = page.getByTestId("concept-entry").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await item.getByText("Verwalten").click();
  await item.getByRole("button", { name: `„${title}“ archivieren` }).click();
  await expect(page.getByTestId("lifecycle-status")).toHaveText(`„${title}“ ist archiviert.`);
  await expect(page.getByTestId("concept-list").getByRole("link", { name: title, exact: true })).toHaveCount(0);
  const archive = page.getByRole("region", { name: "Archiv" });
  await expect(archive.getByRole("link", { name: title, exact: true })).toBeVisible();
  await expectNoViolations(page, "Konzeptliste mit Archiv");

  // Readable, but nobody edits it.
  await page.goto(`/concepts/${conceptId}`);
  await expect(page.getByTestId("archived-notice")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Anlass und Auftrag", exact: true })).not.toHaveAttribute("contenteditable", "true");

  await page.goto("/concepts");
  const archived = archive.getByTestId("concept-entry").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await archived.getByText("Verwalten").click();
  await archived.getByRole("button", { name: `„${title}“ aus dem Archiv zurückholen` }).click();
  await expect(page.getByTestId("lifecycle-status")).toHaveText(`„${title}“ ist wieder in der Liste.`);
  await expect(page.getByTestId("concept-list").getByRole("link", { name: title, exact: true })).toBeVisible();
  await page.context().close();
});

test("the admin marks a fresh concept for deletion after confirming, nobody can open it, and the admin restores it", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const title = `Lösch-Test ${Date.now()}`;
  const conceptId = await new ConceptPage(page).createConcept(title);
  await page.goto("/concepts");
  const item = page.getByTestId("concept-entry").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await item.getByText("Verwalten").click();
  await item.getByText(`„${title}“ löschen …`).click();
  await expect(item).toContainText("Nach 30 Tagen wird es mit allen Versionen und Kommentaren endgültig gelöscht");
  await expectNoViolations(page, "Konzeptliste, Löschen bestätigen");
  await item.getByRole("checkbox", { name: `Ja, „${title}“ zum Löschen vormerken` }).check();
  await item.getByRole("button", { name: "Zum Löschen vormerken" }).click();
  await expect(page.getByTestId("lifecycle-status")).toHaveText(`„${title}“ ist zum Löschen vorgemerkt.`);

  const marked = page.getByRole("region", { name: "Zum Löschen vorgemerkt" }).getByRole("listitem").filter({ hasText: title });
  await expect(marked).toContainText(/Endgültig gelöscht am \d{2}\.\d{2}\.\d{4}/);
  await expect(page.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await expectNoViolations(page, "Konzeptliste mit vorgemerkten Konzepten");

  // The concept page and the API answer 404 like for a missing concept, also for the editor.
  expect((await page.goto(`/concepts/${conceptId}`))!.status()).toBe(404);
  expect((await page.request.get(`/api/concepts/${conceptId}`)).status()).toBe(404);
  const editor = await pageAs(browser, "editor");
  expect((await editor.goto(`/concepts/${conceptId}`))!.status()).toBe(404);
  await expect(editor.getByRole("region", { name: "Zum Löschen vorgemerkt" })).toHaveCount(0);
  await editor.context().close();

  await page.goto("/concepts");
  await page.getByRole("button", { name: `„${title}“ wiederherstellen` }).click();
  await expect(page.getByTestId("lifecycle-status")).toHaveText(`„${title}“ ist wiederhergestellt.`);
  await page.getByTestId("concept-list").getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.context().close();
});

test("search within a fresh concept finds a word in a part and in a measure, and the links jump there", async ({ conceptPage }) => {
  const page = conceptPage.page;
  const conceptId = await conceptPage.createConcept(`Such-Test ${Date.now()}`);
  await conceptPage.write("Anlass und Auftrag", "Der Rat hat die Quittenbaum-Initiative beschlossen.");
  await conceptPage.expectSaved("Anlass und Auftrag");
  const field = new FieldOfAction(page, "Sprache");
  await field.addMeasure({ title: "Quittenbaum-Sprachcafé", taskType: "Freiwillige Aufgabe" });

  await page.getByRole("searchbox", { name: "Im Konzept suchen" }).fill("quittenbaum");
  await page.getByRole("search").getByRole("button", { name: "Suchen" }).click();
  await expect(page).toHaveURL(new RegExp(`/concepts/${conceptId}/suche\\?q=quittenbaum$`));
  await expect(page.getByTestId("search-count")).toHaveText("2 Treffer für „quittenbaum“");
  const hits = page.getByTestId("search-hits").getByRole("listitem");
  await expect(hits.nth(0).locator("mark")).toHaveText("Quittenbaum");
  await expect(hits.nth(0)).toContainText("Der Rat hat die Quittenbaum-Initiative beschlossen.");
  await expect(hits.nth(1).getByRole("link")).toHaveText("Maßnahme „Quittenbaum-Sprachcafé“ – Handlungsfeld „Sprache“");
  await expectNoViolations(page, "Suchergebnisse");

  await hits.nth(0).getByRole("link", { name: "Kapitel „Anlass und Auftrag“" }).click();
  await expect(page).toHaveURL(new RegExp(`/concepts/${conceptId}#teil-[0-9a-f-]{36}$`));
  const partId = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${partId}"]`)).toBeInViewport();
  await expect(page.locator(`[id="${partId}"]`)).toContainText("Quittenbaum-Initiative");

  await page.goBack();
  await hits.nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/#measures-[0-9a-f-]{36}-[0-9a-f-]{36}$/);
  await expect(field.card("Quittenbaum-Sprachcafé")).toBeInViewport();

  // Without JavaScript the form is a plain GET: a too-short query says so.
  await page.goto(`/concepts/${conceptId}/suche?q=Q`);
  await expect(page.getByText("Der Suchbegriff muss mindestens 2 Zeichen lang sein.")).toBeVisible();
  await expect(page.getByTestId("search-hits")).toHaveCount(0);
});
