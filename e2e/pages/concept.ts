import { expect, type Page } from "@playwright/test";

/** Title of the seeded demo concept (an import of it is listed as "… (Import)", so match it exactly). */
export const DEMO_CONCEPT_TITLE = "Integrationskonzept der Stadt Musterstadt 2026–2030";

/** The concept editor page, with intent methods. */
export class ConceptPage {
  constructor(readonly page: Page) {}

  /** The concept list, loaded unless the page shows it already (pageAs lands there): one page load less per test. */
  async toList() {
    if (new URL(this.page.url()).pathname !== "/concepts") await this.page.goto("/concepts");
  }

  async createConcept(title: string) {
    await this.toList();
    await this.page.getByLabel("Titel des neuen Konzepts").fill(title);
    await this.page.getByRole("button", { name: "Konzept aus Vorlage anlegen" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await this.bodyShown();
    return this.page.url().split("/").pop()!;
  }

  /**
   * The concept page streams (issue 17): the title comes first, the parts a moment later. A test that counts or
   * walks the parts waits for them, else it may find none.
   */
  async bodyShown() {
    await expect(this.page.locator(".concept-layout")).toBeVisible();
  }

  async openDemoConcept() {
    await this.toList();
    await this.page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).click();
    // Wait for the concept page itself: the list's heading also contains "Musterstadt".
    await expect(this.page).toHaveURL(/\/concepts\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(DEMO_CONCEPT_TITLE);
    await this.bodyShown();
    return this.page.url().split("/").pop()!;
  }

  /** Opens "Exportieren" (PDF, Word, ODT, print preview) in the page's head and returns its panel. */
  async openExport() {
    await this.expand("Exportieren");
    return this.page.getByTestId("export-panel");
  }

  /** Opens "Weitere Aktionen" (Konzept-Check, comparison, backup, all concepts) and returns it. */
  async openMoreActions() {
    await this.expand("Weitere Aktionen");
    return this.page.getByTestId("more-actions");
  }

  /** Opens a disclosure button of the page (a click before hydration does nothing, so it is repeated until open). */
  async expand(name: string) {
    const toggle = this.page.getByRole("button", { name, exact: true });
    await expect(async () => {
      if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
      await expect(toggle).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }

  /** The editable text box of a part, focused: static HTML turns into an editor when scrolled into view or focused. */
  async editor(label: string) {
    const box = this.page.getByRole("textbox", { name: label, exact: true });
    // The static text becomes the live editor when it scrolls into view: an action may meet the element being swapped.
    await expect(async () => {
      // (generous: with ten browsers on two cores a page can take seconds to answer a click)
      await box.scrollIntoViewIfNeeded({ timeout: 5_000 });
      await box.click({ timeout: 8_000 });
      await expect(box).toHaveAttribute("contenteditable", "true", { timeout: 8_000 });
    }).toPass({ timeout: 45_000 });
    // The click may have met the static text: the editor then has the focus only if it took it on mounting.
    // Focused, the part is the one the page's shared toolbar formats.
    if (!(await box.evaluate((el) => el === document.activeElement))) await box.focus();
    return box;
  }

  async write(label: string, text: string) {
    const box = await this.editor(label);
    await box.click();
    await box.press("Control+End");
    await box.pressSequentially(text, { delay: 5 });
    return box;
  }

  statusOf(label: string) {
    return this.page
      .locator(".section-editor", { has: this.page.getByRole("textbox", { name: label, exact: true }) })
      .getByTestId("save-status");
  }

  async expectSaved(label: string) {
    await expect(this.statusOf(label)).toHaveText("Gespeichert", { timeout: 15_000 });
  }
}
