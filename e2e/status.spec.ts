import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

// Each test makes its own concept: the seeded demo concept's status is shared by every spec.

test("the admin moves a new concept on with „Weiter zu“, confirmed inline; the badge, the steps and the history follow", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const title = `Statusweg ${Date.now()}`;
  const conceptId = await new ConceptPage(admin).createConcept(title);

  const badge = admin.getByTestId("status-badge");
  await expect(badge).toHaveText("Status: Entwurf");
  const steps = admin.getByRole("list", { name: "Stand im Verfahren" });
  await expect(steps.getByRole("listitem")).toHaveCount(5);
  await expect(steps.locator('[aria-current="step"]')).toContainText("Entwurf");

  const next = admin.getByRole("button", { name: "Weiter zu: Ressortabstimmung" });
  await next.click();
  const confirm = admin.getByRole("form", { name: "Weiter zu „Ressortabstimmung“ bestätigen" });
  await expect(confirm).toContainText("Der aktuelle Stand wird als Version gesichert");
  const yes = confirm.getByRole("button", { name: "Ja, Status „Ressortabstimmung“ setzen" });
  await expect(yes).toBeFocused();
  await expectNoViolations(admin, "der offenen Bestätigung");

  // Escape closes the confirmation without a change and returns the focus.
  await admin.keyboard.press("Escape");
  await expect(confirm).toHaveCount(0);
  await expect(next).toBeFocused();
  await expect(badge).toHaveText("Status: Entwurf");

  await next.click();
  await yes.click();
  await expect(admin.getByText("Status „Ressortabstimmung“ gesetzt")).toBeVisible();
  await expect(badge).toHaveText("Status: Ressortabstimmung");
  await expect(steps.locator('[aria-current="step"]')).toContainText("Ressortabstimmung");
  await expect(steps.getByRole("listitem").first()).toContainText("erledigt");
  await expect(admin.getByRole("button", { name: "Weiter zu: Beteiligung" })).toBeVisible();

  await admin.goto(`/concepts/${conceptId}/versionen`);
  await expect(admin.getByRole("table").getByRole("row", { name: /^Version 1 / })).toContainText("Status: Ressortabstimmung");
  // The Versionen page's choice starts at the next step, not back at Entwurf.
  await expect(admin.getByLabel("Neuer Status")).toHaveValue("participation");

  await admin.goto("/concepts");
  const entry = admin.getByTestId("concept-entry").filter({ has: admin.getByRole("link", { name: title, exact: true }) });
  await expect(entry).toContainText("Ressortabstimmung");
  await expect(entry.getByRole("list", { name: `Stand im Verfahren: ${title}` }).locator('[aria-current="step"]')).toContainText("Ressortabstimmung");
  await expect(entry).toContainText("Fortschritt");
  await admin.context().close();
});

test("editors see no „Weiter zu“; while the text is a Beschlussvorlage they see a warning", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const conceptId = await new ConceptPage(admin).createConcept(`Beschlussvorlage ${Date.now()}`);
  const editor = await pageAs(browser, "editor");
  await editor.goto(`/concepts/${conceptId}`);
  await expect(editor.getByTestId("status-badge")).toHaveText("Status: Entwurf");
  await expect(editor.getByRole("button", { name: /^Weiter zu/ })).toHaveCount(0);
  await expect(editor.getByTestId("council-notice")).toHaveCount(0);

  for (const step of ["Ressortabstimmung", "Beteiligung", "Beschlussvorlage"]) {
    await admin.getByRole("button", { name: `Weiter zu: ${step}` }).click();
    await admin.getByRole("button", { name: `Ja, Status „${step}“ setzen` }).click();
    await expect(admin.getByTestId("status-badge")).toHaveText(`Status: ${step}`);
  }
  // Adoption asks for the council decision inside the confirmation.
  await admin.getByRole("button", { name: "Weiter zu: Beschlossen" }).click();
  await expect(admin.getByLabel("Datum des Ratsbeschlusses")).toBeFocused();
  await admin.getByRole("button", { name: "Abbrechen" }).click();

  await editor.reload();
  const notice = editor.getByRole("note").filter({ hasText: "Dieser Text liegt dem Rat als Beschlussvorlage vor" });
  await expect(notice).toBeVisible();
  await expect(editor.getByTestId("status-badge")).toHaveText("Status: Beschlussvorlage");
  await expect(editor.getByRole("button", { name: /^Weiter zu/ })).toHaveCount(0);
  await admin.context().close();
  await editor.context().close();
});
