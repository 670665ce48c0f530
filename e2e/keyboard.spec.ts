import { expect, type Locator, type Page } from "@playwright/test";
import { PASSWORD, test, USERS } from "./fixtures";
import { ConceptPage } from "./pages/concept";

/**
 * Press Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses.
 * `target` may match several elements (e.g. the static text box and the editor that replaces it).
 * Returns the number of presses and how many of the stops on the way were toolbar buttons.
 */
async function tabTo(page: Page, target: Locator, { max = 80, key = "Tab" }: { max?: number; key?: "Tab" | "Shift+Tab" } = {}) {
  let toolbarStops = 0;
  const way: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const focused = await target.evaluateAll((els) => els.some((el) => el === document.activeElement || el.contains(document.activeElement)));
    if (focused) return { presses: i + 1, toolbarStops };
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      const name = el ? `${el.tagName.toLowerCase()} ${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}` : "–";
      return { name, inToolbar: !!el?.closest('[role="toolbar"]') };
    });
    way.push(stop.name);
    if (stop.inToolbar) toolbarStops++;
  }
  // The way taken says where the focus went instead (e.g. back to the page's start when an element was replaced).
  throw new Error(`${target} not reached with ${max}× ${key}; way: ${way.join(" → ")}`);
}

test("sign in, create a concept, write and format a part with the keyboard only", async ({ page }) => {
  await page.goto("/login");
  await tabTo(page, page.getByRole("textbox", { name: "E-Mail-Adresse" }), { max: 5 });
  await page.keyboard.type(USERS.editor);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Passwort (Pflichtfeld)", { exact: true })).toBeFocused();
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/concepts$/);

  // A new concept: Tab to the title, replace it, Enter submits.
  const title = `Tastatur-Test ${Date.now()}`;
  const titleInput = page.getByRole("textbox", { name: "Titel des neuen Konzepts" });
  // The form is below the list of concepts (here: every concept the run has made so far): the link at the top jumps there.
  await tabTo(page, page.getByRole("link", { name: "Neues Konzept anlegen" }), { max: 20 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#new-concept$/);
  await tabTo(page, titleInput, { max: 3 });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Tab to the first text part and type.
  const concept = new ConceptPage(page);
  const label = "Anlass und Auftrag";
  const part = page.getByRole("textbox", { name: label, exact: true });
  // Tab once the streamed body is there, as someone would who sees it: Tabs pressed before walk the head only.
  await concept.bodyShown();
  await expect(part).toBeVisible();
  // No toolbar button is a stop on the way (issue 15: every button of every live part's toolbar was one, 51 presses in all).
  const way = await tabTo(page, part);
  test.info().annotations.push({ type: "Tab-Stopps bis zum ersten Text", description: String(way.presses) });
  expect(way.toolbarStops, "Symbolleisten-Knöpfe auf dem Weg zum ersten Text").toBe(0);
  await expect(part).toBeFocused();
  await expect(part).toHaveAttribute("contenteditable", "true");
  await page.keyboard.type("Der Rat hat die Verwaltung am 12. März 2026 beauftragt.");
  await concept.expectSaved(label);

  // The page's one toolbar formats the focused part: Alt+F10 reaches "Fett"; Space switches it on and returns to the text.
  const toolbar = page.getByRole("toolbar", { name: `Formatierung: ${label}` });
  const bold = toolbar.getByRole("button", { name: "Fett" });
  await page.keyboard.press("Alt+F10");
  await expect(bold).toBeFocused();
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Space");
  await expect(part).toBeFocused();
  await expect(bold).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.type(" Wichtig");
  await expect(part.locator("strong")).toHaveText("Wichtig");
  await concept.expectSaved(label);

  await page.reload();
  await expect(page.locator("#kapitel-mandate strong")).toHaveText("Wichtig");
  await expect(page.locator("#kapitel-mandate")).toContainText("Der Rat hat die Verwaltung am 12. März 2026 beauftragt.");
});

test("the formatting toolbar is one Tab stop: arrow keys, Home and End move in it, Escape returns to the text, Alt+F10 comes back to the last button", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Symbolleiste mit der Tastatur");
  const label = "Finanzierung";
  const box = await conceptPage.write(label, "Ein Satz.");
  const toolbar = page.getByRole("toolbar", { name: `Formatierung: ${label}`, exact: true });
  const button = (name: string) => toolbar.getByRole("button", { name, exact: true });
  // Exactly one button of the toolbar is in the Tab order.
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await expect(toolbar.locator("button:not([tabindex='0'])")).toHaveCount(11);

  await page.keyboard.press("Alt+F10");
  await expect(button("Fett")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(button("Kursiv")).toBeFocused();
  await expect(button("Kursiv")).toHaveAttribute("tabindex", "0");
  await expect(button("Fett")).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("End");
  await expect(button("Tabelle einfügen")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(button("Fett")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(button("Tabelle einfügen")).toBeFocused();
  await page.keyboard.press("Home");
  await expect(button("Fett")).toBeFocused();
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowRight");
  await expect(button("Zentriert")).toBeFocused();

  // Tab leaves the toolbar at once (one stop), Shift+Tab comes back to the same button.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="toolbar"]'))).toBe(false);
  await page.keyboard.press("Shift+Tab");
  await expect(button("Zentriert")).toBeFocused();

  // Escape returns to the text where the caret was; typing goes on there.
  await page.keyboard.press("Escape");
  await expect(box).toBeFocused();
  await page.keyboard.type(" Weiter.");
  await expect(box).toContainText("Ein Satz. Weiter.");
  // Alt+F10 comes back to the button last used; Enter uses it and returns to the text.
  await page.keyboard.press("Alt+F10");
  await expect(button("Zentriert")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(box).toBeFocused();
  await expect(box.getByText("Ein Satz. Weiter.")).toHaveCSS("text-align", "center");
  await conceptPage.expectSaved(label);
});
