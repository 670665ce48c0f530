import { expect, type Page } from "@playwright/test";

/** /concepts/import: upload of a JSON backup. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/concepts/import");
    await expect(this.page.getByRole("heading", { level: 1, name: "Integrationskonzept importieren" })).toBeVisible();
  }

  fileInput() {
    return this.page.getByLabel("Sicherung (JSON-Datei)");
  }

  /** The form's live region with the error or progress text. */
  status() {
    return this.page.getByRole("main").getByRole("status");
  }

  async upload(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.fileInput().setInputFiles(file);
    await this.page.getByRole("button", { name: "Importieren" }).click();
  }
}

/** Titles of the concepts listed on /concepts. */
export async function conceptTitles(page: Page) {
  await page.goto("/concepts");
  await expect(page.getByRole("heading", { level: 1, name: /^Integrationskonzepte/ })).toBeVisible();
  return page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 }).allTextContents();
}
