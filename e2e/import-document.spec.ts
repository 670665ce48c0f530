import { expect, test } from "./fixtures";
import { ImportPage, placeSelect } from "./pages/import";
import { expectNoViolations } from "./support/axe";

const MARKDOWN = [
  "# Handlungsfelder",
  "",
  "## Sprache und Sprachförderung",
  "",
  "Der Sprachkurs findet dienstags im Stadtteilzentrum statt.",
  "",
  "## Wohnen und Unterbringung",
  "",
  "Es fehlen dreihundert Wohnungen für Familien.",
].join("\n");

test("a document goes through the mapping step: a changed place is where its text lands", async ({ editorPage: page, baseURL }) => {
  const name = `Konzept Teststadt ${Date.now()}.md`;
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload({ name, mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN, "utf8") });

  // The proposal: the heading tree with a place each, and the first lines of each block.
  await expect(page.getByRole("heading", { level: 2, name: "Zuordnung prüfen" })).toBeVisible();
  await expect(placeSelect(page, "Sprache und Sprachförderung")).toHaveValue("field:language:baseline");
  const housing = placeSelect(page, "Wohnen und Unterbringung");
  await expect(housing).toHaveValue("field:housing:baseline");
  await expect(housing).toHaveAccessibleDescription("Es fehlen dreihundert Wohnungen für Familien.");

  await expectNoViolations(page, "Zuordnung");

  await housing.selectOption({ label: "Gesundheit – Leitziel" });
  await page.getByRole("button", { name: "Mit dieser Zuordnung importieren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Import abgeschlossen" })).toBeVisible();
  await expect(page.getByText("Die Datei hat 20 Wörter; übernommen wurden 20 Wörter.")).toBeVisible();
  await expectNoViolations(page, "Importbericht");
  await page.getByRole("link", { name: "Konzept öffnen" }).click();
  await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("textbox", { name: "Leitziel – Gesundheit", exact: true })).toContainText("Es fehlen dreihundert Wohnungen für Familien.");
  await expect(page.getByRole("textbox", { name: "Ausgangslage – Wohnen", exact: true })).not.toContainText("dreihundert");

  // The same file through the API: without mapping the proposal (200), with mapping=auto a new draft (201) and the report.
  const file = { name, mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN, "utf8") };
  const proposal = await page.request.post("/api/concepts/import", { multipart: { file }, headers: { Origin: baseURL! } });
  expect(proposal.status()).toBe(200);
  expect((await proposal.json()).proposal.blocks.map((b: { target: string }) => b.target)).toContain("field:housing:baseline");
  const created = await page.request.post("/api/concepts/import", { multipart: { file, mapping: "auto" }, headers: { Origin: baseURL! } });
  expect(created.status()).toBe(201);
  const body = (await created.json()) as { id: string; report: { wordsIn: number; wordsPlaced: number; unplaced: unknown[] } };
  expect(body.report).toMatchObject({ wordsIn: 20, wordsPlaced: 20, unplaced: [] });
  expect((await (await page.request.get(`/api/concepts/${body.id}`)).json()).status).toBe("draft");
});

test("a revised file goes into an existing draft part by part, and the version before it undoes it", async ({ editorPage: page }) => {
  // A draft of its own (the demo concept stays as the other specs expect it).
  const importPage = new ImportPage(page);
  await importPage.open();
  await importPage.upload({ name: `Fortschreibung ${Date.now()}.md`, mimeType: "text/markdown", buffer: Buffer.from(MARKDOWN, "utf8") });
  await page.getByRole("button", { name: "Mit dieser Zuordnung importieren" }).click();
  await page.getByRole("link", { name: "Konzept öffnen" }).click();
  await expect(page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
  const conceptUrl = page.url();

  await page.goto(`${conceptUrl}/versionen`);
  await page.getByRole("link", { name: "Überarbeitete Fassung aus einer Datei übernehmen (Word, OpenDocument …)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aus einer Datei übernehmen" })).toBeVisible();
  const revised = MARKDOWN.replace("dienstags im Stadtteilzentrum", "montags und donnerstags in der Bibliothek").replace("dreihundert", "zweihundert");
  await page.getByLabel("Datei (Word, OpenDocument, Markdown oder HTML)").setInputFiles({ name: "überarbeitet.md", mimeType: "text/markdown", buffer: Buffer.from(revised, "utf8") });
  await page.getByRole("button", { name: "Importieren" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Zuordnung prüfen" })).toBeVisible();
  await page.getByRole("button", { name: "Weiter: Teile auswählen" }).click();

  const language = page.getByRole("checkbox", { name: /^Sprache – Ausgangslage/ });
  const housing = page.getByRole("checkbox", { name: /^Wohnen – Ausgangslage/ });
  await expect(language).toBeChecked();
  await expect(housing).toBeChecked();
  await expect(language).toHaveAccessibleName(/10 Wörter aus der Datei ersetzen 7 Wörter im Entwurf/);
  await expectNoViolations(page, "Teile auswählen");
  await housing.uncheck();
  await page.getByRole("button", { name: "Ausgewählte Teile übernehmen" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Übernahme abgeschlossen" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveText(["Sprache – Ausgangslage"]);
  await expectNoViolations(page, "Übernahmebericht");

  await page.getByRole("link", { name: "Konzept öffnen" }).click();
  await expect(page.getByRole("textbox", { name: "Ausgangslage – Sprache", exact: true })).toContainText("montags und donnerstags in der Bibliothek");
  await expect(page.getByRole("textbox", { name: "Ausgangslage – Wohnen", exact: true })).toContainText("Es fehlen dreihundert Wohnungen");

  // Undo: the version kept before the import brings the old text back.
  await page.goto(`${conceptUrl}/versionen`);
  const row = page.getByRole("row", { name: /Stand vor Import aus „überarbeitet\.md“/ });
  await expect(row).toContainText("vor einem Import aus einer Datei");
  await row.getByRole("button", { name: /^Wiederherstellen Version \d+$/ }).click();
  await page.getByRole("button", { name: "Ja, wiederherstellen" }).click();
  await expect(page.getByText(/wurde wiederhergestellt/)).toBeVisible();
  await page.goto(conceptUrl);
  await expect(page.getByRole("textbox", { name: "Ausgangslage – Sprache", exact: true })).toContainText("dienstags im Stadtteilzentrum");
});
