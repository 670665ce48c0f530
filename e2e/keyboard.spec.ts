import { expect, type Locator, type Page } from "@playwright/test";
import { PASSWORD, test, USERS } from "./fixtures";
import { ConceptPage } from "./pages/concept";

/**
 * Press Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses.
 * `target` may match several elements (e.g. the static text box and the editor that replaces it).
 */
async function tabTo(page: Page, target: Locator, { max = 80, key = "Tab" }: { max?: number; key?: "Tab" | "Shift+Tab" } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const focused = await target.evaluateAll((els) => els.some((el) => el === document.activeElement || el.contains(document.activeElement)));
    if (focused) return i + 1;
  }
  throw new Error(`${target} not reached with ${max}× ${key}`);
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
  await tabTo(page, titleInput, { max: 30 });
  await page.keyboard.press("Control+A");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Tab to the first text part and type.
  const concept = new ConceptPage(page);
  const label = "Anlass und Auftrag";
  const part = page.getByRole("textbox", { name: label, exact: true });
  await tabTo(page, part);
  await expect(part).toBeFocused();
  await expect(part).toHaveAttribute("contenteditable", "true");
  await page.keyboard.type("Der Rat hat die Verwaltung am 12. März 2026 beauftragt.");
  await concept.expectSaved(label);

  // The toolbar sits before the text: Shift+Tab reaches "Fett"; Space switches it on and returns to the text.
  const toolbar = page.getByRole("toolbar", { name: `Formatierung: ${label}` });
  const bold = toolbar.getByRole("button", { name: "Fett" });
  await tabTo(page, bold, { max: 20, key: "Shift+Tab" });
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
