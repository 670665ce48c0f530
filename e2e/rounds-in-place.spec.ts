/**
 * Issue 13, "Comments and rounds where the text is": a review round answered
 * on the concept page (two chapters in place, "Prüfung abschließen" with an
 * overall verdict), the admin's CSV of the results, and the @ member picker
 * by keyboard, with the diacritics case ("Yildiz" finds "Elif Yıldız").
 */
import fs from "node:fs";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

test("a reviewer answers two chapters in place and completes the round with a verdict; the admin downloads the results as CSV", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await pageAs(browser, "admin");
  // A concept of its own, so the demo's round stays as the other specs expect it.
  const conceptId = await new ConceptPage(admin).createConcept(`Prüfrunde im Text ${Date.now()}`);
  await admin.goto(`/concepts/${conceptId}/versionen`);
  await admin.getByRole("button", { name: "Version speichern" }).click();
  await expect(admin.locator("#create-version-status").getByRole("status")).toHaveText(/^Version 1 wurde gespeichert\.$/);
  await admin.goto(`/concepts/${conceptId}/pruefung`);
  const title = `Ressortabstimmung ${Date.now()}`;
  await admin.getByLabel("Bezeichnung").fill(title);
  await admin.getByLabel("Fällig am").fill(tomorrow());
  // The reviewer (Elif Yıldız) is chosen by default.
  await expect(admin.getByRole("checkbox", { name: "Elif Yıldız" })).toBeChecked();
  await admin.getByRole("button", { name: "Prüfrunde starten" }).click();
  await expect(admin.getByTestId("round").filter({ hasText: title })).toBeVisible();

  // The reviewer finds the round on the concept page: summary at the top, a reminder because it is due tomorrow.
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto("/aufgaben");
  const waiting = reviewer.getByTestId("inbox-rounds").getByRole("listitem").filter({ hasText: title });
  await expect(waiting.getByTestId("round-due-soon")).toBeVisible();
  await waiting.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/concepts/${conceptId}#pruefrunde$`));
  const summary = reviewer.getByTestId("round-summary");
  await expect(summary.getByRole("heading", { level: 2 })).toHaveText(`Prüfrunde: ${title}`);
  await expect(summary.getByTestId("round-reminder")).toContainText("noch offen");
  await expect(summary.getByTestId("round-progress")).toContainText("Sie haben 0 von");

  // Under the chapter heading: Zustimmung.
  const mandate = reviewer.locator("#kapitel-mandate").getByTestId("round-answer");
  await mandate.getByRole("radio", { name: "Zustimmung" }).check();
  await mandate.getByRole("button", { name: /Antwort speichern/ }).click();
  await expect(mandate.getByRole("status")).toHaveText("Antwort gespeichert.");
  // Under the field of action "Sprache": Änderungsbedarf with a note.
  const language = reviewer.locator("#feld-language").getByTestId("round-answer");
  await language.getByRole("radio", { name: "Änderungsbedarf" }).check();
  await language.getByText("Anmerkung (optional)").click();
  await language.getByLabel("Anmerkung zu Sprache").fill("Angebote für Eltern fehlen.");
  await language.getByRole("button", { name: /Antwort speichern/ }).click();
  await expect(language.getByRole("status")).toHaveText("Antwort gespeichert.");
  await expect(summary.getByTestId("round-progress")).toContainText("Sie haben 2 von");
  await expectNoViolations(reviewer, "Konzeptseite mit Prüfrunde");

  // One "Prüfung abschließen" with the overall verdict; the round had one reviewer, so it closes.
  const complete = summary.getByTestId("round-complete");
  await complete.getByRole("radio", { name: "Änderungsbedarf" }).check();
  await complete.getByLabel("Anmerkung zum Gesamtvotum (optional)").fill("Handlungsfeld Sprache überarbeiten.");
  await complete.getByRole("button", { name: "Prüfung abschließen" }).click();
  // The progress line is a status: it now says the review is finished; the answers under the headings are final.
  await expect(summary.getByTestId("round-progress")).toContainText("Sie haben Ihre Prüfung am");
  await expect(summary.getByTestId("round-progress")).toContainText("Änderungsbedarf");
  await expect(summary).toContainText("abgeschlossen");
  await expect(reviewer.getByTestId("round-complete")).toHaveCount(0);
  await expect(reviewer.getByTestId("round-answer")).toHaveCount(0);
  await expect(reviewer.locator("#kapitel-mandate").getByTestId("round-answered")).toHaveText("Ihre Antwort: Zustimmung");
  await expect(reviewer.locator("#feld-language").getByTestId("round-answered")).toHaveText("Ihre Antwort: Änderungsbedarf – Angebote für Eltern fehlen.");

  // The admin downloads the results from the overview.
  await admin.goto(`/concepts/${conceptId}/pruefung`);
  const card = admin.getByTestId("round").filter({ hasText: title });
  await expect(card).toContainText("abgeschlossen");
  const [download] = await Promise.all([admin.waitForEvent("download"), card.getByTestId("round-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^Pr(ü|ue)frunde_Ressortabstimmung-\d+\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\ufeff/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Kapitel / Handlungsfeld;Person;Votum;Anmerkung;Zeitpunkt");
  expect(lines.find((l) => l.startsWith("Anlass und Auftrag;Elif Yıldız;"))).toContain(";Zustimmung;");
  expect(lines.find((l) => l.startsWith("Sprache;Elif Yıldız;"))).toContain(";Änderungsbedarf;Angebote für Eltern fehlen.;");
  expect(lines.find((l) => l.startsWith("Gesamtvotum;Elif Yıldız;"))).toContain(";Änderungsbedarf;Handlungsfeld Sprache überarbeiten.;");
  // A reviewer gets no CSV.
  const refused = await reviewer.request.get(`/api/concepts/${conceptId}/rounds/${await card.getAttribute("data-round-id")}/results.csv`);
  expect(refused.status()).toBe(403);
  await admin.context().close();
  await reviewer.context().close();
});

test("the @ member picker works by keyboard, finds Yıldız from 'Yildiz', and names a mention that matches nobody", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const conceptId = await new ConceptPage(editor).createConcept(`Erwähnungen ${Date.now()}`);
  await editor.goto(`/concepts/${conceptId}/pruefung`);
  await editor.getByRole("button", { name: "Kommentieren – Anlass und Auftrag" }).first().click();
  const composer = editor.getByRole("form", { name: "Kommentar zu „Anlass und Auftrag“" }).last();
  const field = composer.getByRole("textbox", { name: "Kommentar", exact: true });
  await field.focus();
  await field.pressSequentially("Bitte @Yildiz");
  const list = composer.getByRole("listbox", { name: "Mitglieder" });
  await expect(list.getByRole("option")).toHaveText(["Elif Yıldız"]);
  await expect(field).toHaveAttribute("aria-activedescendant", (await list.getByRole("option").first().getAttribute("id"))!);
  await expectNoViolations(editor, "Prüfseite mit offener Auswahl");
  await field.press("Enter");
  await expect(field).toHaveValue("Bitte @Elif Yıldız ");
  await expect(list).toHaveCount(0);

  // Arrow keys move through several matches; Escape closes the list and keeps the text.
  await field.pressSequentially("und @");
  // An empty query lists the members (the demo's three and whoever other specs added).
  await expect.poll(() => composer.getByRole("listbox").getByRole("option").count()).toBeGreaterThan(1);
  await field.press("ArrowDown");
  await expect(composer.getByRole("option", { selected: true })).toHaveCount(1);
  await field.press("Escape");
  await expect(composer.getByRole("listbox")).toHaveCount(0);
  await expect(composer).toBeVisible();

  // A name nobody has: said before sending.
  await field.pressSequentially("Hans, bitte prüfen.");
  await expect(composer.getByTestId("mention-unknown")).toHaveText("@Hans ist kein Mitglied dieses Konzepts und wird nicht benachrichtigt.");
  await composer.getByRole("button", { name: "Kommentar speichern" }).click();
  const thread = editor.getByTestId("thread").filter({ hasText: "bitte prüfen" });
  await expect(thread.locator(".mention")).toHaveText("@Elif Yıldız");
  await editor.context().close();
});
