import { expect, type Page } from "@playwright/test";
import { pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { MembersPage } from "./pages/members";

const NEW_PASSWORD = "sicher-genug-2026";

async function signInWith(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "E-Mail-Adresse" }).fill(email);
  await page.getByLabel("Passwort (Pflichtfeld)", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/concepts$/);
}

test("the Leitung invites an editor; a role change and the removal take effect at once", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const email = `neu-${stamp}@musterstadt.example`;
  const name = `Nora Neumann ${stamp}`;

  const admin = await pageAs(browser, "admin");
  const members = new MembersPage(admin);
  await members.open();
  const url = await members.invite(email, "Redaktion");
  expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
  await expect(
    admin.getByRole("table", { name: "Offene Einladungen" }).getByRole("row").filter({ hasText: email }),
  ).toContainText("Redaktion");

  // The invited person, in a browser of their own.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await member.goto(url);
  await expect(member.getByRole("heading", { level: 1, name: "Einladung annehmen" })).toBeVisible();
  await expect(member.getByRole("main")).toContainText("Musterstadt");
  await expect(member.getByRole("main")).toContainText("Redaktion");
  await member.getByRole("textbox", { name: "Ihr Name" }).fill(name);
  await member.getByLabel("Passwort (Pflichtfeld)", { exact: true }).fill(NEW_PASSWORD);
  await member.getByLabel("Passwort wiederholen").fill(NEW_PASSWORD);
  await member.getByRole("button", { name: "Einladung annehmen" }).click();
  await expect(member).toHaveURL(/\/login\?eingeladen=1$/);
  await expect(member.getByText("Ihr Zugang ist eingerichtet. Bitte melden Sie sich an.")).toBeVisible();

  // The link works once only.
  await member.goto(url);
  await expect(member.getByText("Diese Einladung wurde bereits angenommen. Bitte melden Sie sich an.")).toBeVisible();

  await signInWith(member, email, NEW_PASSWORD);
  await expect(member.getByRole("banner")).toContainText(`${name} · Redaktion`);
  const concept = new ConceptPage(member);
  await concept.openDemoConcept();
  const saved = ` Ergänzt von ${name}.`;
  await concept.write("Fortschreibung", saved);
  await concept.expectSaved("Fortschreibung");

  // The Leitung makes them a reviewer: they are signed out at once.
  await admin.reload();
  await expect(members.memberRow(email)).toContainText(name);
  await members.changeRole(name, "Prüfung");
  await expect(admin.getByRole("combobox", { name: `Rolle von ${name}` })).toHaveValue("reviewer");

  // Their open page can no longer write: the part they are in turns read-only at once and says why.
  await expect(concept.statusOf("Fortschreibung")).toContainText("Ihre Anmeldung ist abgelaufen", { timeout: 15_000 });
  await expect(member.getByRole("textbox", { name: "Fortschreibung", exact: true })).toHaveAttribute("contenteditable", "false");
  await member.getByRole("textbox", { name: "Fortschreibung", exact: true }).press("End");
  await member.keyboard.type(" Dieser Satz darf nicht ankommen.");
  await member.reload();
  await expect(member).toHaveURL(/\/login/);
  await expect(member.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();

  // Signed in again they can read, and write nothing but proposals (issue 13: the part opens in Vorschlagsmodus).
  await signInWith(member, email, NEW_PASSWORD);
  await expect(member.getByRole("banner")).toContainText(`${name} · Prüfung`);
  await concept.openDemoConcept();
  await expect(member.getByText("Sie haben Lesezugriff")).toBeVisible();
  await concept.editor("Fortschreibung");
  await expect(member.getByTestId("shared-toolbar").getByTestId("suggest-mode-label")).toContainText("Vorschlagsmodus");
  await expect(member.getByRole("button", { name: "Maßnahme hinzufügen" })).toHaveCount(0);
  await expect(member.locator("#kapitel-update")).toContainText(saved.trim());
  await expect(member.locator("#kapitel-update")).not.toContainText("Dieser Satz darf nicht ankommen.");

  // The Leitung removes them: their cookie is worthless from the next request on.
  const question = await members.remove(name);
  expect(question).toBe(`${name} aus Musterstadt entfernen? Die Person wird sofort abgemeldet und verliert den Zugriff.`);
  await expect(members.memberRow(email)).toHaveCount(0);
  expect((await member.request.get("/api/concepts")).status()).toBe(401);
  await member.reload();
  await expect(member).toHaveURL(/\/login/);
  // Their account still signs in, but sees no municipality and no concept.
  await signInWith(member, email, NEW_PASSWORD);
  await expect(member.getByText("Sie gehören noch keiner Kommune an.")).toBeVisible();
  await expect(member.getByRole("link", { name: /Musterstadt/ })).toHaveCount(0);

  await memberContext.close();
  await admin.context().close();
});

test("only the Leitung manages members", async ({ editorPage: page }) => {
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mitglieder" })).toHaveCount(0);
  await page.goto("/mitglieder");
  await expect(page.getByRole("heading", { level: 1, name: "Mitglieder" })).toBeVisible();
  await expect(page.getByText("Nur die Leitung kann Mitglieder verwalten.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Einladung erstellen" })).toHaveCount(0);
});

test("a new municipality registers and its first admin signs in", async ({ page }) => {
  const stamp = Date.now();
  // A Landkreis has a 5-digit Kreisschlüssel; Bayern's start with 09 (the seeded Beispielkreis is 09999).
  const ags = `09${String(100 + (stamp % 899)).padStart(3, "0")}`;
  const municipality = `Landkreis Teststadt ${stamp}`;
  const email = `leitung-${stamp}@teststadt.example`;

  await page.goto("/login");
  await page.getByRole("link", { name: "Kommune registrieren" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Kommune registrieren" })).toBeVisible();
  const fillForm = async (agsValue: string) => {
    await page.getByRole("textbox", { name: "Name der Kommune" }).fill(municipality);
    await page.getByRole("combobox", { name: "Art der Kommune" }).selectOption({ label: "Landkreis" });
    await page.getByRole("combobox", { name: "Bundesland" }).selectOption({ label: "Bayern" });
    await page.getByRole("textbox", { name: "Gemeindeschlüssel (AGS)" }).fill(agsValue);
    await page.getByRole("textbox", { name: "Einwohnerzahl" }).fill("48.500");
    await page.getByRole("textbox", { name: "Ihr Name" }).fill("Lena Landrätin");
    await page.getByRole("textbox", { name: "Ihre E-Mail-Adresse" }).fill(email);
    await page.getByLabel("Passwort (Pflichtfeld)", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Passwort wiederholen").fill(NEW_PASSWORD);
  };

  // An AGS of another Land is refused next to the field.
  await fillForm("05123");
  await page.getByRole("button", { name: "Kommune registrieren" }).click();
  const agsInput = page.getByRole("textbox", { name: "Gemeindeschlüssel (AGS)" });
  await expect(agsInput).toHaveAttribute("aria-invalid", "true");
  await expect(agsInput).toHaveAccessibleDescription(/Ein Gemeindeschlüssel, der mit 05 beginnt, gehört zu Nordrhein-Westfalen, nicht zu Bayern\./);
  await expect(page.locator("main").getByRole("alert")).toContainText("Bitte prüfen Sie die markierten Angaben.");
  await expect(page.getByRole("textbox", { name: "Name der Kommune" })).toHaveValue(municipality);
  await expect(page).toHaveURL(/\/registrieren$/);

  await fillForm(ags);
  await page.getByRole("button", { name: "Kommune registrieren" }).click();
  await expect(page).toHaveURL(/\/login\?registriert=1$/);
  await expect(page.getByText("Ihre Kommune ist registriert. Bitte melden Sie sich an.")).toBeVisible();

  await signInWith(page, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Integrationskonzepte – ${municipality}`);
  await expect(page.getByText("Noch kein Integrationskonzept angelegt.")).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Lena Landrätin · Leitung (Administration)");
  const members = new MembersPage(page);
  await members.open();
  await expect(page.getByRole("main")).toContainText(`${municipality} (Landkreis) · 1 Mitglied`);
  await expect(members.memberRow(email)).toContainText("Lena Landrätin");
  await expect(page.getByRole("combobox", { name: "Rolle von Lena Landrätin" })).toHaveValue("admin");
  // Musterstadt's concepts are not visible to the new municipality.
  const { concepts } = await (await page.request.get("/api/concepts")).json();
  expect(concepts).toEqual([]);

  // The same key cannot be registered twice.
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/registrieren");
  await fillForm(ags);
  await page.getByRole("textbox", { name: "Ihre E-Mail-Adresse" }).fill(`zweite-${stamp}@teststadt.example`);
  await page.getByRole("button", { name: "Kommune registrieren" }).click();
  await expect(agsInput).toHaveAccessibleDescription(/Für diesen Gemeindeschlüssel ist bereits eine Kommune registriert\./);
});
