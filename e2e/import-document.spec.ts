import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ImportPage, placeSelect } from "./pages/import";

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

async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`), `axe auf ${name}`).toEqual([]);
}

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
