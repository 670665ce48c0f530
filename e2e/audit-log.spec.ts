import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { MembersPage } from "./pages/members";

/** Today in Germany as the date field sends it (YYYY-MM-DD). */
const berlinToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

test("the Leitung reads the log as sentences and filters it by kind, concept and period – without JavaScript too", async ({ browser, baseURL }) => {
  const stamp = Date.now();
  const email = `protokoll-${stamp}@musterstadt.example`;
  const admin = await pageAs(browser, "admin");

  // Something to find: an invitation, and a concept imported from the demo's backup.
  const members = new MembersPage(admin);
  await members.open();
  await members.invite(email, "Prüfung");
  const demoId = await new ConceptPage(admin).openDemoConcept();
  const backup = await (await admin.request.get(`/api/concepts/${demoId}/export`)).json();
  const imported = await admin.request.post("/api/concepts/import", { data: backup, headers: { Origin: baseURL! } });
  expect(imported.status()).toBe(201);
  const { id: conceptId } = await imported.json();

  await admin.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Protokoll" }).click();
  await expect(admin).toHaveURL(/\/protokoll$/);
  const table = admin.getByTestId("audit-table");
  await expect(table).toContainText(`hat ${email} mit der Rolle „Prüfung“ eingeladen`);
  // No codes, ids or raw details any more.
  await expect(table).not.toContainText("invitation.create");
  await expect(table).not.toContainText("{");

  // Kind, by keyboard: the filter is a plain form.
  const filter = admin.getByRole("group", { name: "Einträge filtern" });
  await filter.getByLabel("Art").selectOption({ label: "Mitglieder und Rechte" });
  await filter.getByLabel("Von (Datum)").fill(berlinToday());
  await filter.getByLabel("Bis (Datum)").fill(berlinToday());
  await filter.getByRole("button", { name: "Filter anwenden" }).press("Enter");
  await expect(admin).toHaveURL(new RegExp(`art=members&von=${berlinToday()}&bis=${berlinToday()}`));
  await expect(filter.getByLabel("Art")).toHaveValue("members");
  await expect(table.getByRole("row").filter({ hasText: email })).toHaveCount(1);
  await expect(table).not.toContainText("aus einer Sicherung eingespielt");

  // The imported concept: its entry links to it.
  await filter.getByLabel("Art").selectOption({ label: "Alle Arten" });
  await filter.getByLabel("Konzept").selectOption({ value: conceptId });
  await filter.getByRole("button", { name: "Filter anwenden" }).click();
  await expect(admin.getByTestId("audit-count")).toHaveText("1 Eintrag");
  const entry = table.getByRole("row").filter({ hasText: "aus einer Sicherung eingespielt" });
  await expect(entry).toHaveCount(1);
  await entry.getByRole("link").click();
  await expect(admin).toHaveURL(new RegExp(`/concepts/${conceptId}$`));

  // A period without entries.
  await admin.goto("/protokoll?von=2001-01-01&bis=2001-01-31");
  await expect(admin.getByText("Keine Einträge für diese Auswahl.")).toBeVisible();
  await admin.getByRole("link", { name: "Filter zurücksetzen" }).click();
  await expect(admin).toHaveURL(/\/protokoll$/);

  // The same filter works without JavaScript (a GET form, nothing else).
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await admin.context().storageState() });
  const page = await plain.newPage();
  await page.goto("/protokoll");
  await page.getByLabel("Art").selectOption({ label: "Mitglieder und Rechte" });
  await page.getByRole("button", { name: "Filter anwenden" }).click();
  await expect(page).toHaveURL(/art=members/);
  await expect(page.getByTestId("audit-table")).toContainText(`hat ${email} mit der Rolle „Prüfung“ eingeladen`);
  await plain.close();

  // The export takes the filter.
  const csv = await admin.request.get(`/api/audit?format=csv&art=members`);
  const text = await csv.text();
  expect(text).toContain(`hat ${email} mit der Rolle „Prüfung“ eingeladen`);
  expect(text).not.toContain("concept.import");
  await admin.context().close();
});

test("the log stays the Leitung's: an editor gets no page", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  await expect(editor.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Protokoll" })).toHaveCount(0);
  const response = await editor.goto("/protokoll?art=members");
  expect(response?.status()).toBe(404);
  await editor.context().close();
});
