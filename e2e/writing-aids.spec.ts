import { expect, pageAs, test } from "./fixtures";
import { ConceptPage, DEMO_CONCEPT_TITLE } from "./pages/concept";
import { expectNoViolations } from "./support/axe";

/** Issue 15, "Writing": Schreibhilfe, fertig marks with a live outline, responsibilities in "Für mich". */

const today = () => new Intl.DateTimeFormat("de-DE", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Berlin" }).format(new Date());

test("a Schreibhilfe opens and closes by keyboard beside its heading, with questions, expectations and an example", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Schreibhilfe ${Date.now()}`);
  const toggle = page.getByRole("button", { name: "Schreibhilfe: Anlass und Auftrag" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // React's ids may hold characters a CSS id selector would need escaped.
  const panel = page.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  await expect(panel).toBeHidden();

  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Leitfragen");
  await expect(panel).toContainText("Was der Rat hier erwartet");
  await expect(panel).toContainText("Drucksache");
  await expectNoViolations(page, "Konzeptseite mit offener Schreibhilfe");

  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(panel).toBeHidden();

  // Every part of a field of action has its own.
  await expect(page.getByRole("button", { name: "Schreibhilfe: Leitziel – Sprache" })).toBeVisible();
});

test("the outline follows typing (leer → begonnen) without a reload; a part marked fertig shows who and when, and can be taken back", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Fertig-Markierung ${Date.now()}`);
  const outline = page.getByRole("navigation", { name: "Gliederung" });
  const entry = outline.getByRole("link", { name: /Anlass und Auftrag/ });
  await expect(entry).toContainText("leer");

  // A real 59-character sentence is "begonnen", and the outline says so while the page stays open.
  const box = await conceptPage.write("Anlass und Auftrag", "Der Rat hat die Verwaltung am 4. März 2025 dazu beauftragt.");
  await expect(entry).toContainText("begonnen");
  await box.press("Control+a");
  await box.press("Delete");
  await expect(entry).toContainText("leer");
  await box.pressSequentially("Anlass ist die Fortschreibung.", { delay: 5 });
  await expect(entry).toContainText("begonnen");
  await conceptPage.expectSaved("Anlass und Auftrag");

  await page.getByRole("button", { name: "Als fertig markieren: Anlass und Auftrag" }).click();
  const chapter = page.locator("#kapitel-mandate");
  await expect(chapter.getByTestId("part-done")).toContainText(`Fertig – markiert von Jonas Brandt am ${today()}`);
  await expect(entry).toContainText("fertig");
  await expect(page.getByTestId("progress-value")).not.toHaveText("0 %");
  await expectNoViolations(page, "Konzeptseite mit einem fertigen Teil");

  await page.getByRole("button", { name: "Markierung „fertig“ zurücknehmen: Anlass und Auftrag" }).click();
  await expect(chapter.getByTestId("part-done")).not.toContainText("Fertig – markiert");
  await expect(entry).toContainText("begonnen");
  await expect(page.getByTestId("progress-value")).toHaveText("0 %");
});

test("the head of the office assigns a field of action to an editor, who finds it in Für mich", async ({ browser }) => {
  const admin = await pageAs(browser, "admin");
  const title = `Zuständigkeiten ${Date.now()}`;
  await new ConceptPage(admin).createConcept(title);
  const housing = admin.locator("#feld-housing");
  await housing.getByText("Zuständigkeit festlegen").click();
  await housing.getByLabel("Person").selectOption({ label: "Jonas Brandt" });
  await housing.getByLabel("Fällig am").fill("2030-12-31");
  await expectNoViolations(admin, "Konzeptseite mit offener Zuweisung");
  await housing.getByRole("button", { name: "Zuweisen" }).click();
  await expect(housing.getByTestId("assignment")).toContainText("Zuständig: Jonas Brandt (bis 31.12.2030)");

  const editor = await pageAs(browser, "editor");
  await editor.goto("/aufgaben");
  const mine = editor.getByTestId("inbox-assignments");
  await expect(mine).toContainText("Wohnen");
  await expect(mine).toContainText(title);
  await expect(mine).toContainText("31.12.2030");
  await expectNoViolations(editor, "Für mich mit einer Zuständigkeit");
  await mine.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: "Wohnen" }).click();
  await expect(editor).toHaveURL(/#feld-housing$/);
  // The editor may give up their own responsibility.
  await editor.getByRole("button", { name: "Zuständigkeit abgeben: Wohnen" }).click();
  await expect(editor.locator("#feld-housing").getByTestId("assignment")).toHaveCount(1);
  await expect(editor.locator("#feld-housing")).not.toContainText("Zuständig: Jonas Brandt");

  await admin.context().close();
  await editor.context().close();
});

test("a fertig mark set by one person shows for another who has the concept open, without a reload", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const admin = await pageAs(browser, "admin");
  const id = await new ConceptPage(editor).createConcept(`Fertig für alle ${Date.now()}`);
  await admin.goto(`/concepts/${id}`);
  // Both are in the concept (the presence bar shows the other).
  await expect(editor.getByTestId("presence")).toContainText("MK");
  await editor.getByRole("button", { name: "Als fertig markieren: Forderungen an Land und Bund" }).click();
  const entry = admin.getByRole("navigation", { name: "Gliederung" }).getByRole("link", { name: /Forderungen an Land und Bund/ });
  await expect(entry).toContainText("fertig");
  await expect(admin.locator("#kapitel-demands").getByTestId("part-done")).toContainText("Fertig – markiert von Jonas Brandt");
  await editor.context().close();
  await admin.context().close();
});

test("while scrolling, the outline marks the chapter or field of action at the top of the screen", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/concepts");
  await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).click();
  const outline = page.getByRole("navigation", { name: "Gliederung" });
  const current = outline.locator('a[aria-current="location"]');
  // A field of action (inside the chapter Handlungsfelder), a chapter further down, and the first chapter again.
  const targets = [outline.locator("ol ol a").first(), outline.getByRole("link", { name: /Finanzierung/ }).first(), outline.locator("a").first()];
  for (const link of targets) {
    const [href, name] = [(await link.getAttribute("href"))!, (await link.textContent())!.trim()];
    // As a reader scrolls there (the link itself is not clicked: the mark must follow the page, not the click),
    // once it is on the page (the chapters after the first stream in after the outline).
    await expect(page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`)).toBeAttached();
    await page.evaluate((id) => document.getElementById(decodeURIComponent(id))!.scrollIntoView({ block: "start" }), href.slice(1));
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute("href", href);
    expect(name.length).toBeGreaterThan(0);
  }
  await page.context().close();
});
