import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage, DEMO_CONCEPT_TITLE } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

async function openComparison(page: Page) {
  await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).click();
  await new ConceptPage(page).openMoreActions();
  await page.getByRole("link", { name: "Vergleich mit anderen Kommunen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Vergleich mit anderen Kommunen" })).toBeVisible();
  return page.url().match(/concepts\/([0-9a-f-]{36})\/vergleich/)![1]!;
}

test("open the comparison: group in words with n, charts with table view, group switch, suppressed figures say why", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  const conceptId = await openComparison(page);

  const group = page.getByTestId("peer-group");
  await expect(group).toContainText(/Kreisfreie Städte mit 100\.000–250\.000 Einwohnern, n = \d+/);
  await expect(page.getByTestId("synthetic-note")).toContainText("Synthetische Demodaten");
  await expect(page.getByTestId("synthetic-note")).toContainText("landkreise-deutschland");
  await expect(page.getByRole("navigation", { name: "Vergleichsgruppe" }).getByRole("link", { name: "Eigene Gruppe" })).toHaveAttribute("aria-current", "page");

  // every chart is an image with a name and a text summary; the own concept is marked
  const coverage = page.getByTestId("figure-abdeckung");
  await expect(coverage.getByRole("img", { name: /Handlungsfelder/ })).toBeVisible();
  await expect(coverage.locator(".peer-summary")).toContainText(/Sprache: Vergleichskommunen \d+ % \(n = \d+\), Ihr Konzept (ja|nein)/);

  // table view
  const table = coverage.getByRole("table");
  await expect(table).toBeHidden();
  await coverage.getByText("Als Tabelle anzeigen").click();
  await expect(table).toBeVisible();
  await expect(table.getByRole("row", { name: /Sprache/ })).toContainText("%");
  await expect(table.getByRole("columnheader", { name: "n", exact: true })).toBeVisible();

  // a suppressed figure says why (in the demo data one peer dominates the federal funding of this group)
  const funding = page.getByTestId("figure-finanzierung");
  await expect(funding.locator(".peer-summary")).toContainText("zurückgehalten (ein einzelner Beitrag macht mehr als ein Viertel der Summe aus)");
  await funding.getByText("Als Tabelle anzeigen").click();
  await expect(funding.getByRole("row", { name: /Bund/ })).toContainText("zurückgehalten:");

  // quartiles, never min or max
  await page.getByTestId("figure-massnahmen-je-feld").getByText("Als Tabelle anzeigen").click();
  await expect(page.getByTestId("figure-massnahmen-je-feld").getByRole("columnheader", { name: "Median" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/Minimum|Maximum/);

  await expectNoViolations(page, "Vergleich (Tabellen geöffnet)");

  // switch the group: only the fixed choices
  await page.getByRole("link", { name: "Gleiche Ebene, alle Größen" }).click();
  await expect(page).toHaveURL(/\?gruppe=level$/);
  await expect(group).toContainText(/Kreisfreie Städte aller Größen, n = \d+/);
  await page.getByRole("link", { name: "Alle Kommunen" }).click();
  await expect(group).toContainText(/Alle Kommunen, n = \d+/);

  // the JSON route: every figure with n or suppressed with the reason; nothing names a peer
  const res = await page.request.get(`/api/concepts/${conceptId}/peers?group=own`);
  expect(res.status()).toBe(200);
  const json = await res.json();
  expect(json.group.label).toBe("Kreisfreie Städte mit 100.000–250.000 Einwohnern");
  expect(json.fields[0].coverage).toEqual(expect.objectContaining({ suppressed: false, n: expect.any(Number), share: expect.any(Number) }));
  expect(json.funding.find((f: { source: string }) => f.source === "federal").peers).toMatchObject({ suppressed: true, reason: "dominance" });
  expect(JSON.stringify(json)).not.toMatch(/municipalityId|memberKey|"min"|"max"|Beispielkreis/);
  expect((await page.request.get(`/api/concepts/${conceptId}/peers?group=frei`)).status()).toBe(400);

  // another municipality gets a 404 as for a missing concept; signed out a 401
  const stranger = await pageAs(browser, "otherAdmin");
  expect((await stranger.request.get(`/api/concepts/${conceptId}/peers`)).status()).toBe(404);
  await stranger.goto(`/concepts/${conceptId}/vergleich`);
  await expect(stranger.getByRole("heading", { name: "Vergleich mit anderen Kommunen" })).toHaveCount(0);
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/concepts/${conceptId}/peers`)).status()).toBe(401);
  await anonymous.close();
  await stranger.context().close();
  // only the admin decides about contributing
  await expect(page.getByRole("heading", { name: "Beitrag Ihrer Kommune" })).toHaveCount(0);
  await page.context().close();
});

test("the admin gives and withdraws the municipality's consent", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await openComparison(page);
  const consent = page.getByTestId("peer-consent");
  await expect(consent).toContainText("Ihre Kommune trägt nicht zum Vergleich bei.");
  await consent.getByRole("button", { name: "Zum Vergleich beitragen" }).click();
  await expect(consent.getByRole("status")).toContainText("ab dem nächsten Vergleichsstand");
  await expect(consent).toContainText("Ihre Kommune trägt zum Vergleich bei.");
  await page.reload();
  await expect(page.getByTestId("peer-consent")).toContainText("Ihre Kommune trägt zum Vergleich bei.");
  await page.getByRole("button", { name: "Beitrag zurückziehen" }).click();
  await expect(page.getByTestId("peer-consent")).toContainText("Ihre Kommune trägt nicht zum Vergleich bei.");
  await expectNoViolations(page, "Vergleich (Leitung)");
  await page.context().close();
});

test("browse the measure library without names; the admin shares a measure after the name check", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await openComparison(page);
  await page.getByRole("link", { name: "Maßnahmenbibliothek" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Maßnahmenbibliothek" })).toBeVisible();
  const entries = page.getByTestId("library-entry");
  await expect(entries.filter({ hasText: "Sprachpatenschaften im ländlichen Raum" })).toContainText("geteilt von ein Landkreis, 150.000–250.000 Einwohner");
  await expect(page.getByRole("region", { name: /Maßnahmen/ }).first()).not.toContainText("Beispielkreis");

  await page.getByLabel("Handlungsfeld").selectOption({ label: "Wohnen" });
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(/feld=housing/);
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("Wohnraumbörse");

  // share an own measure: a name in the text is refused and named
  const own = page.locator("details").first();
  await own.locator("summary").click();
  await own.getByLabel("Beschreibung für die Bibliothek").fill("Frau Keller lädt in Musterstadt zum Gespräch ein.");
  await own.getByRole("button", { name: "In der Bibliothek teilen" }).click();
  // the share form's own alert region (the withdraw form beside it has one too)
  const refusal = own.getByRole("alert").filter({ hasText: "Name Ihrer Kommune" });
  await expect(refusal).toContainText("Name Ihrer Kommune „Musterstadt“");
  await expect(refusal).toContainText("Personenname „Frau Keller“");
  await own.getByLabel("Beschreibung für die Bibliothek").fill("Ehrenamtliche laden zweimal pro Woche zum Gespräch ein.");
  await own.getByRole("button", { name: "In der Bibliothek teilen" }).click();
  await expect(own.getByRole("status").first()).toContainText("In der Bibliothek geteilt.");
  await expect(own.locator("summary")).toContainText("(geteilt)");
  await expectNoViolations(page, "Maßnahmenbibliothek");
  await own.getByRole("button", { name: "Aus der Bibliothek entfernen" }).click();
  await expect(own.getByText("Aus der Bibliothek entfernt.")).toBeVisible();
  await page.context().close();
});

test("take a library measure into the own concept: planned at the end of the field, its origin on the card and in the export", async ({ browser }) => {
  const title = "Sprachpatenschaften im ländlichen Raum";
  const page = await pageAs(browser, "editor");
  const conceptId = await openComparison(page);
  await page.getByRole("link", { name: "Maßnahmenbibliothek" }).click();
  const entry = page.getByTestId("library-entry").filter({ hasText: title });
  await entry.getByRole("button", { name: `In mein Konzept übernehmen: ${title}` }).click();
  await expect(entry.getByLabel("Konzept", { exact: true })).toHaveValue(conceptId);
  await expect(entry.getByLabel("Handlungsfeld").locator("option:checked")).toHaveText("Sprache");
  await expectNoViolations(page, "Maßnahmenbibliothek (Übernehmen geöffnet)");
  await entry.getByRole("button", { name: "Als geplante Maßnahme übernehmen" }).click();
  const status = entry.getByRole("status");
  await expect(status).toContainText("Die Maßnahme wurde als geplante Maßnahme in Ihr Konzept übernommen.");

  // the link leads to the new card, the last of the field, with its origin and nothing of the contributor
  await status.getByRole("link", { name: `Zur Maßnahme „${title}“` }).click();
  await expect(page).toHaveURL(new RegExp(`/concepts/${conceptId}#measures-`));
  const today = new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(new Date());
  const card = page.getByTestId("measure-card").filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("measure-origin")).toHaveText(`Übernommen aus der Maßnahmenbibliothek am ${today}`);
  await expect(card).toContainText("geplant");
  await expect(card).not.toContainText("Beispielkreis");

  const tree = await (await page.request.get(`/api/concepts/${conceptId}`)).json();
  const language = tree.fields.find((f: { key: string }) => f.key === "language");
  expect(language.measures.at(-1)).toMatchObject({ title, status: "planned", origin: { kind: "peerLibrary", fieldKey: "language" } });
  const exported = await (await page.request.get(`/api/concepts/${conceptId}/export`)).json();
  expect(exported.measures.find((m: { title: string }) => m.title === title).origin).toMatchObject({ kind: "peerLibrary" });
  expect(JSON.stringify(exported)).not.toContain("Beispielkreis");

  // a reviewer browses the library but takes nothing
  const reviewer = await pageAs(browser, "reviewer");
  await reviewer.goto(`/concepts/${conceptId}/vergleich/bibliothek`);
  await expect(reviewer.getByTestId("library-entry").first()).toBeVisible();
  await expect(reviewer.getByRole("button", { name: /In mein Konzept übernehmen/ })).toHaveCount(0);
  await reviewer.context().close();

  // leave the demo concept as it was for the other specs
  page.once("dialog", (dialog) => void dialog.accept());
  await card.getByRole("button", { name: `„${title}“ löschen` }).click();
  await expect(page.getByTestId("measure-card").filter({ hasText: title })).toHaveCount(0);
  await page.context().close();
});
