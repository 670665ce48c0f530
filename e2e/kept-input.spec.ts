import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";

/**
 * Nothing typed is lost on bad input: a form the server refuses shows what was wrong and still holds everything typed
 * (React empties a form after its action, also after an error; components/ui/keep-values.ts).
 */

test("a refused concept title, key figure and staff cost rate stay in their fields beside the message", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const conceptId = await new ConceptPage(admin).createConcept(`Eingaben ${Date.now()}`);

  await admin.goto("/concepts");
  const title = admin.getByLabel("Titel des neuen Konzepts");
  const long = `Integrationskonzept ${"sehr lang ".repeat(24)}`.trim();
  await title.fill(long);
  await admin.getByRole("button", { name: "Konzept aus Vorlage anlegen" }).click();
  await expect(admin.getByText("höchstens 200 Zeichen").first()).toBeVisible();
  await expect(title).toHaveValue(long);

  await admin.goto(`/concepts/${conceptId}/monitoring`);
  const form = admin.getByTestId("key-figure-form");
  await form.getByLabel("Kennzahl", { exact: true }).fill("Teilnehmende Sprachkurse");
  await form.getByLabel("Wert", { exact: true }).fill("1.234,5,6");
  await form.getByLabel("Einheit", { exact: true }).fill("Personen");
  await form.getByLabel("Jahr", { exact: true }).fill("2024");
  await form.getByLabel("Quelle", { exact: true }).fill("Kursträger");
  await form.getByRole("button", { name: "Kennzahl speichern" }).click();
  await expect(form.locator(".form-error")).toBeVisible();
  await expect(form.getByLabel("Kennzahl", { exact: true })).toHaveValue("Teilnehmende Sprachkurse");
  await expect(form.getByLabel("Wert", { exact: true })).toHaveValue("1.234,5,6");
  await expect(form.getByLabel("Einheit", { exact: true })).toHaveValue("Personen");
  await expect(form.getByLabel("Jahr", { exact: true })).toHaveValue("2024");
  await expect(form.getByLabel("Quelle", { exact: true })).toHaveValue("Kursträger");

  await admin.goto("/mitglieder");
  const rate = admin.getByLabel("Personalkosten pro VZÄ und Jahr (EUR)");
  await rate.fill("-5");
  await admin.getByRole("button", { name: "Satz speichern" }).click();
  await expect(admin.getByText("Personalkostensatz: Der Betrag darf nicht negativ sein.")).toBeVisible();
  await expect(rate).toHaveValue("-5");
  await admin.context().close();
});

test("chapter dates the server refuses stay as typed", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const concept = new ConceptPage(admin);
  await concept.createConcept(`Daten ${Date.now()}`);
  const settings = admin.getByRole("form", { name: "Angaben zum Kapitel" }).first();
  await settings.getByLabel("Gültig ab").fill("2030-01-01");
  await settings.getByLabel("Gültig bis").fill("2027-12-31");
  await settings.getByRole("button", { name: "Angaben speichern" }).click();
  await expect(settings.locator(".notice, [role=alert]").first()).toBeVisible();
  await expect(settings.getByLabel("Gültig ab")).toHaveValue("2030-01-01");
  await expect(settings.getByLabel("Gültig bis")).toHaveValue("2027-12-31");
  await admin.context().close();
});
