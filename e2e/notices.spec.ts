import { expect, pageAs, test } from "./fixtures";
import { FieldOfAction } from "./pages/measures";
import { expectNoViolations } from "./support/axe";

test("one notice: a success is a status, an empty Teilziel an alert that replaces it, and the button stays where it was", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Meldungen ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  await field.addSubGoal("Alle Neuzugewanderten erreichen innerhalb eines Jahres das Sprachniveau B1.");
  const editor = field.root.getByTestId(/^sub-goals-/);
  await expect(editor.getByRole("status").filter({ hasText: "Teilziel 1 hinzugefügt." })).toBeVisible();
  await expectNoViolations(page, "Teilziel hinzugefügt");

  const add = field.root.getByRole("button", { name: "Teilziel hinzufügen" });
  // Where the button stands in the page: Playwright's click scrolls a button below the fold into view first,
  // which moves it on the screen but not in the page (in CI it stood just below the fold once).
  const place = () => add.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
  });
  await add.scrollIntoViewIfNeeded();
  const before = await place();
  await add.click();
  const alert = editor.getByRole("alert").filter({ hasText: "Bitte einen Text für das Teilziel angeben." });
  await expect(alert).toBeVisible();
  // The earlier success is gone: never a success beside the new error.
  await expect(editor.getByRole("status").filter({ hasText: "hinzugefügt" })).toHaveCount(0);
  await expect(field.root.getByRole("textbox", { name: "Neues Teilziel für „Sprache“" })).toHaveAttribute("aria-invalid", "true");
  expect(await place()).toEqual(before);
  await expectNoViolations(page, "leeres Teilziel");
});

test("saving a version reports below its button as a status, without moving the button", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/concepts");
  await admin.getByLabel("Titel des neuen Konzepts").fill(`Meldungen Versionen ${Date.now()}`);
  await admin.getByRole("button", { name: "Konzept aus Vorlage anlegen" }).click();
  await expect(admin).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
  const conceptId = admin.url().split("/").pop()!;
  await admin.goto(`/concepts/${conceptId}/versionen`);
  const save = admin.getByRole("button", { name: "Version speichern" });
  const before = await save.boundingBox();
  await save.click();
  const saved = admin.locator("#create-version-status").getByRole("status");
  await expect(saved).toHaveText(/^Version \d+ wurde gespeichert\.$/);
  expect(await save.boundingBox()).toEqual(before);
  await expectNoViolations(admin, "Version gespeichert");
  await admin.context().close();
});

test("required fields say (Pflichtfeld) in their label, optional ones say nothing, in every form", async ({ conceptPage, page: anonymous }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Pflichtfelder ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  const form = await field.openNewMeasure();
  const label = (text: string) => form.root.locator("label").filter({ hasText: new RegExp(`^${text}`) }).first();
  await expect(label("Titel")).toHaveText("Titel (Pflichtfeld)");
  await expect(label("Aufgabenart")).toHaveText("Aufgabenart (Pflichtfeld)");
  await expect(form.select("Aufgabenart")).toHaveAttribute("required", "");
  await expect(label("Federführung")).toHaveText("Federführung");
  await expect(label("Kürzel")).toHaveText("Kürzel");
  await expect(field.root.locator("label").filter({ hasText: "Neues Teilziel" })).toContainText("(Pflichtfeld)");
  await expectNoViolations(page, "Maßnahmenformular mit Pflichtfeldern");

  await anonymous.goto("/registrieren");
  for (const text of ["Name der Kommune", "Gemeindeschlüssel (AGS)", "Ihre E-Mail-Adresse"]) {
    await expect(anonymous.locator("label").filter({ hasText: text })).toHaveText(`${text} (Pflichtfeld)`);
  }
  await anonymous.goto("/login");
  await expect(anonymous.locator("label").filter({ hasText: "E-Mail-Adresse" })).toHaveText("E-Mail-Adresse (Pflichtfeld)");
});

test("focus after commenting: into the form on 'Kommentieren', back to the button on cancel, onto the new thread after saving", async ({ conceptPage, browser }) => {
  const title = `Kommentarfokus ${Date.now()}`;
  const conceptId = await conceptPage.createConcept(title);
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(`/concepts/${conceptId}/pruefung`);
  const chapter = reviewer.locator("#kapitel-update");
  const general = chapter.getByRole("group", { name: "Allgemeine Kommentare zum Kapitel" });
  const open = general.getByRole("button", { name: "Kommentieren – Fortschreibung" });

  await open.click();
  const body = general.getByRole("textbox", { name: "Kommentar", exact: true });
  await expect(body).toBeFocused();
  await general.getByRole("button", { name: "Abbrechen" }).click();
  await expect(open).toBeFocused();

  // By keyboard: Enter opens, the comment is typed, Enter on "Kommentar speichern" saves.
  await reviewer.keyboard.press("Enter");
  await expect(body).toBeFocused();
  const text = `Bitte den Turnus der Fortschreibung nennen. ${Date.now()}`;
  await reviewer.keyboard.type(text);
  await general.getByRole("button", { name: "Kommentar speichern" }).click();
  const thread = general.getByTestId("thread").filter({ hasText: text });
  await expect(thread).toBeFocused();
  await expect(general.getByRole("status").filter({ hasText: "Kommentar gespeichert." })).toBeVisible();
  await expectNoViolations(reviewer, "Kommentar gespeichert");

  // A reply: the send button is disabled once the box is empty, so the focus goes to the new reply.
  const reply = `Turnus: alle fünf Jahre. ${Date.now()}`;
  await thread.getByRole("textbox", { name: "Antworten" }).fill(reply);
  await thread.getByRole("button", { name: "Antwort senden" }).click();
  await expect(thread.getByTestId("comment").filter({ hasText: reply })).toBeFocused();
  await expect(thread.getByRole("status").filter({ hasText: "Antwort gespeichert." })).toBeVisible();

  // A text part without a selection: the passage field comes first.
  const textPart = chapter.getByTestId(/^review-/).first();
  await textPart.getByRole("button", { name: "Kommentieren – Fortschreibung" }).click();
  await expect(textPart.getByRole("textbox", { name: "Textstelle" })).toBeFocused();
  await reviewer.context().close();
});

test("the concept page's head: two pages in view, export and the other actions in disclosures that work by keyboard", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  const more = page.getByRole("button", { name: "Weitere Aktionen", exact: true });
  const exportButton = page.getByRole("button", { name: "Exportieren", exact: true });
  await expect(page.getByRole("link", { name: /^Prüfung und Kommentare/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Versionen", exact: true })).toBeVisible();
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: "Vergleich mit anderen Kommunen" })).toBeHidden();
  await expect(page.getByRole("button", { name: "PDF exportieren" })).toBeHidden();

  // Weitere Aktionen: Enter opens, Tab walks the links, Escape closes and returns to the button.
  await conceptPage.expand("Weitere Aktionen");
  await more.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("check-count")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Vergleich mit anderen Kommunen" })).toBeFocused();
  await expectNoViolations(page, "Weitere Aktionen geöffnet");
  await page.keyboard.press("Escape");
  await expect(more).toHaveAttribute("aria-expanded", "false");
  await expect(more).toBeFocused();
  // Tabbing out of the list closes it.
  await page.keyboard.press("Enter");
  await expect(more).toHaveAttribute("aria-expanded", "true");
  for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
  await expect(more).toHaveAttribute("aria-expanded", "false");

  // Exportieren: a panel with the export form, closed again with Escape.
  await exportButton.focus();
  await page.keyboard.press("Enter");
  await expect(exportButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Fassung", { exact: true })).toBeFocused();
  await expect(page.getByRole("button", { name: "PDF exportieren" })).toBeVisible();
  await expectNoViolations(page, "Export geöffnet");
  await page.keyboard.press("Escape");
  await expect(exportButton).toBeFocused();
  await expect(page.getByRole("button", { name: "PDF exportieren" })).toBeHidden();

  // By keyboard to another page.
  await more.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Vergleich mit anderen Kommunen" })).toBeVisible();
});

test("Teilziele are growing text areas: a long one is shown in full", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Lange Teilziele ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  const long =
    "Bis Ende 2028 erhalten alle neu zugewanderten Erwachsenen innerhalb von drei Monaten nach ihrer Ankunft einen Platz in einem Integrationskurs, einem Berufssprachkurs oder einem niedrigschwelligen Sprachangebot in ihrem Stadtteil.";
  await field.addSubGoal(long);
  const box = field.subGoal(1);
  expect(await box.evaluate((el) => el.tagName)).toBe("TEXTAREA");
  const { scroll, client, lineHeight } = await box.evaluate((el) => ({
    scroll: el.scrollHeight,
    client: el.clientHeight,
    lineHeight: parseFloat(getComputedStyle(el).lineHeight) || 24,
  }));
  expect(scroll).toBeLessThanOrEqual(client + 1);
  expect(client).toBeGreaterThan(lineHeight * 1.5);
  await expectNoViolations(page, "langes Teilziel");
});
