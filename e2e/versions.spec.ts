import { execFileSync } from "node:child_process";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

test("the demo concept's history shows its versions and a comparison with the marked changes", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.openDemoConcept();
  await page.getByRole("link", { name: "Versionen", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Versionen:");
  const history = page.getByRole("table");
  await expect(history.getByRole("rowheader", { name: "Version 1", exact: true })).toBeVisible();
  await expect(history.getByRole("row", { name: /^Version 2 / })).toContainText("Ressortabstimmung");

  await history.getByRole("row", { name: /^Version 2 / }).getByRole("link", { name: "Mit Version 1 vergleichen" }).click();
  await expect(page).toHaveURL(/vergleich\?von=1&bis=2/);
  // Inline: the old period struck, the new one inserted, in the running text of chapter 1.
  const mandate = page.locator("section#chapter-mandate");
  await expect(mandate.locator("del.diff-del")).toContainText("2029");
  await expect(mandate.locator("ins.diff-ins")).toContainText("2030");
  await expect(page.getByText("Sprachpatenschaften im Ehrenamt")).toBeVisible();
  await expect(page.getByRole("row", { name: /Sachkosten/ }).first()).toContainText("18.000,00");
  await expect(page.getByRole("heading", { name: "Zusammenfassung" })).toBeVisible();
  // Each compared text is sent once: a page load has it in the HTML, and only its key in the React payload (issue 17).
  const pageLoad = await page.request.get(page.url(), { headers: { accept: "text/html" } });
  expect((await pageLoad.text()).split("Federführend ist das Kommunale Integrationszentrum").length - 1).toBe(1);

  // The Synopse: both wordings of the changed sentence in the PDF.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Synopse als PDF" }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^Synopse_Musterstadt_v1-v2_\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = execFileSync("pdftotext", [await pdf.path(), "-"], { encoding: "utf8" }).replace(/\u00ad\s*/g, "").replace(/\s+/g, " ");
  expect(text).toContain("bis zum 31. Dezember 2029");
  expect(text).toContain("bis zum 31. Dezember 2030");
  await test.info().attach("synopse-v1-v2.pdf", { path: await pdf.path(), contentType: "application/pdf" });

  await page.getByLabel("Nebeneinander").check();
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page).toHaveURL(/ansicht=nebeneinander/);
  await expect(mandate.locator(".diff-columns")).toHaveCount(1);
  await expect(mandate.locator(".diff-columns > div").first().locator("del.diff-del")).toContainText("2029");
  await expect(mandate.locator(".diff-columns > div").nth(1).locator("ins.diff-ins")).toContainText("2030");

  // Inside the app to the history and back: the router's copy of the page names the texts by key only, they still show.
  await page.getByRole("link", { name: "Zurück zu den Versionen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Versionen:");
  await page.goBack();
  await expect(page).toHaveURL(/ansicht=nebeneinander/);
  await expect(mandate.locator(".diff-columns > div").first().locator("del.diff-del")).toContainText("2029");
  await expect(mandate.locator(".diff-columns > div").nth(1).locator("ins.diff-ins")).toContainText("2030");
});

test("save a version, edit, compare, restore and undo the restore", async ({ conceptPage }) => {
  const page = conceptPage.page;
  const conceptId = await conceptPage.openDemoConcept();
  const marker = `Prüfsatz ${Date.now()} zur Wiederherstellung.`;

  await page.goto(`/concepts/${conceptId}/versionen`);
  const rows = page.getByRole("table").getByRole("row");
  const before = await rows.count();
  await page.getByLabel("Bezeichnung der Version").fill("Stand vor dem E2E-Test");
  await page.getByRole("button", { name: "Version speichern" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Version \d+ wurde gespeichert/ })).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
  const saved = Number(/Version (\d+)/.exec((await page.getByRole("status").filter({ hasText: /wurde gespeichert/ }).textContent())!)![1]);

  await page.goto(`/concepts/${conceptId}`);
  await conceptPage.write("Fortschreibung", ` ${marker}`);
  await conceptPage.expectSaved("Fortschreibung");

  await page.goto(`/concepts/${conceptId}/versionen`);
  await expect(page.getByRole("row", { name: /Aktueller Entwurf/ })).toContainText("1 Abschnitt geändert");
  await page.getByRole("link", { name: `Mit Version ${saved} vergleichen` }).first().click();
  await expect(page.locator("ins.diff-ins", { hasText: "Prüfsatz" })).toBeVisible();
  await expect(page.getByText("1 Abschnitt geändert").first()).toBeVisible();

  // Restore the saved version: the marker is gone, the draft before the restore is kept as a version.
  await page.goto(`/concepts/${conceptId}/versionen`);
  const row = page.getByRole("row", { name: new RegExp(`^Version ${saved} `) });
  await row.getByRole("button", { name: `Wiederherstellen Version ${saved}` }).click();
  await page.getByRole("button", { name: "Ja, wiederherstellen" }).click();
  // The result is a banner above the history (not a line in the table cell), a status, and it has the focus.
  const notice = page.getByTestId("restore-notice");
  await expect(notice.getByRole("status")).toContainText(`Version ${saved} wurde wiederhergestellt`);
  await expect(page.locator(".restore-notice")).toBeFocused();
  await expect(page.getByRole("table").getByRole("status")).toHaveCount(0);
  await expect(rows).toHaveCount(before + 2);
  await expect(page.getByRole("table")).toContainText(`Stand vor Wiederherstellung von Version ${saved}`);
  const backup = saved + 1;
  await expectNoViolations(page, "Version wiederhergestellt");

  await page.goto(`/concepts/${conceptId}`);
  await expect(page.locator("#kapitel-update")).not.toContainText("Prüfsatz");

  // Undo: restore the kept draft, the same way by hand.
  await page.goto(`/concepts/${conceptId}/versionen`);
  await page.getByRole("row", { name: new RegExp(`^Version ${backup} `) }).getByRole("button", { name: `Wiederherstellen Version ${backup}` }).click();
  await page.getByRole("button", { name: "Ja, wiederherstellen" }).click();
  await expect(notice.getByRole("status")).toContainText(`Version ${backup} wurde wiederhergestellt`);
  await expect(rows).toHaveCount(before + 3);
  await page.goto(`/concepts/${conceptId}`);
  await expect(page.locator("#kapitel-update")).toContainText(marker);

  // And directly: "Rückgängig" in the banner after a restore brings the text back.
  await page.goto(`/concepts/${conceptId}/versionen`);
  await page.getByRole("row", { name: new RegExp(`^Version ${saved} `) }).getByRole("button", { name: `Wiederherstellen Version ${saved}` }).click();
  await page.getByRole("button", { name: "Ja, wiederherstellen" }).click();
  await expect(notice.getByRole("status")).toContainText(`Version ${saved} wurde wiederhergestellt`);
  await expect(rows).toHaveCount(before + 4);
  await page.keyboard.press("Tab");
  const undo = notice.getByRole("button", { name: /^Rückgängig/ });
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(notice.getByRole("status")).toContainText(`Die Wiederherstellung von Version ${saved} ist rückgängig gemacht`);
  await expect(undo).toHaveCount(0);
  await expect(rows).toHaveCount(before + 5);
  await expectNoViolations(page, "Wiederherstellung rückgängig gemacht");
  await page.goto(`/concepts/${conceptId}`);
  await expect(page.locator("#kapitel-update")).toContainText(marker);
});

test("reviewers read the history and compare, but cannot save or restore; other municipalities get 404", async ({ browser, playwright, baseURL }) => {
  const reviewer = await pageAs(browser, "reviewer");
  const conceptId = await new ConceptPage(reviewer).openDemoConcept();
  await reviewer.goto(`/concepts/${conceptId}/versionen`);
  await expect(reviewer.getByRole("rowheader", { name: "Version 1", exact: true })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Version speichern" })).toHaveCount(0);
  await expect(reviewer.getByRole("button", { name: /Wiederherstellen/ })).toHaveCount(0);
  await expect(reviewer.getByRole("button", { name: "Status ändern" })).toHaveCount(0);
  await reviewer.goto(`/concepts/${conceptId}/versionen/vergleich?von=1&bis=entwurf`);
  await expect(reviewer.getByRole("heading", { name: "Zusammenfassung" })).toBeVisible();
  const list = await (await reviewer.request.get(`/api/concepts/${conceptId}/versions`)).json();
  expect(list.versions.length).toBeGreaterThanOrEqual(2);
  const one = await reviewer.request.get(`/api/concepts/${conceptId}/versions/1`);
  expect(one.status()).toBe(200);
  expect((await one.json()).content.format).toBe("konzeptwerk.concept");
  const refused = await reviewer.request.post(`/api/concepts/${conceptId}/versions`, { data: { label: "Prüfung" }, headers: { Origin: baseURL! } });
  expect(refused.status()).toBe(403);

  const stranger = await pageAs(browser, "otherAdmin");
  for (const path of [`/api/concepts/${conceptId}/versions`, `/api/concepts/${conceptId}/versions/1`, `/api/concepts/${conceptId}/compare?from=1&to=2`]) {
    expect((await stranger.request.get(path)).status(), path).toBe(404);
  }
  expect((await stranger.goto(`/concepts/${conceptId}/versionen`))!.status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/concepts/${conceptId}/versions`)).status()).toBe(401);
  await anonymous.dispose();

  // Bad input gets a clear message, not a crash.
  await reviewer.goto(`/concepts/${conceptId}/versionen/vergleich?von=abc&bis=1`);
  await expect(reviewer.locator("main").getByRole("alert")).toContainText("gültige Versionsnummer");
  await reviewer.goto(`/concepts/${conceptId}/versionen/vergleich?von=999&bis=1`);
  await expect(reviewer.locator("main").getByRole("alert")).toContainText("Version 999 gibt es nicht");
  await reviewer.context().close();
  await stranger.context().close();
});

test("the concept page fetches the review and history pages ahead only when the pointer comes to their links", async ({ conceptPage }) => {
  const page = conceptPage.page;
  const conceptId = await conceptPage.openDemoConcept();
  // A page load of its own (not the navigation from the list): the links' pages are fetched ahead after it, if at all.
  const ahead: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) ahead.push(new URL(r.url()).pathname);
  });
  await page.goto(`/concepts/${conceptId}`);
  await conceptPage.bodyShown();
  await page.waitForLoadState("networkidle");
  expect(ahead.filter((p) => /\/(pruefung|versionen|concepts|aufgaben)$/.test(p))).toEqual([]);

  const versions = page.getByRole("link", { name: "Versionen", exact: true });
  await versions.hover();
  await expect.poll(() => ahead).toContain(`/concepts/${conceptId}/versionen`);
  await versions.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Versionen:");
});
