import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { FieldOfAction } from "./pages/measures";

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes[0]?.target.join(" ")})`);
  expect(summary, `axe auf ${name}`).toEqual([]);
}

test("one notice: a success is a status, an empty Teilziel an alert that replaces it, and the button stays where it was", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Meldungen ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  await field.addSubGoal("Alle Neuzugewanderten erreichen innerhalb eines Jahres das Sprachniveau B1.");
  const editor = field.root.getByTestId(/^sub-goals-/);
  await expect(editor.getByRole("status").filter({ hasText: "Teilziel 1 hinzugefügt." })).toBeVisible();
  await expectNoViolations(page, "Teilziel hinzugefügt");

  const add = field.root.getByRole("button", { name: "Teilziel hinzufügen" });
  const before = await add.boundingBox();
  await add.click();
  const alert = editor.getByRole("alert").filter({ hasText: "Bitte einen Text für das Teilziel angeben." });
  await expect(alert).toBeVisible();
  // The earlier success is gone: never a success beside the new error.
  await expect(editor.getByRole("status").filter({ hasText: "hinzugefügt" })).toHaveCount(0);
  await expect(field.root.getByRole("textbox", { name: "Neues Teilziel für „Sprache“" })).toHaveAttribute("aria-invalid", "true");
  expect(await add.boundingBox()).toEqual(before);
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
