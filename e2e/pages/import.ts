import { expect, type Page } from "@playwright/test";

/** /concepts/import: upload of a JSON backup or a document, and the mapping step. */
export class ImportPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/concepts/import");
    await expect(this.page.getByRole("heading", { level: 1, name: "Integrationskonzept importieren" })).toBeVisible();
  }

  fileInput() {
    return this.page.getByLabel("Datei (Word, OpenDocument, Markdown, HTML oder Sicherung)");
  }

  /** The form's error banner (role=alert, components/ui/notice). */
  status() {
    return this.page.getByRole("main").getByRole("alert");
  }

  async upload(file: string | { name: string; mimeType: string; buffer: Buffer }) {
    await this.fileInput().setInputFiles(file);
    await this.page.getByRole("button", { name: "Importieren" }).click();
  }
}

/** The mapping step's select for the heading `title`. */
export function placeSelect(page: Page, title: string) {
  return page.getByRole("combobox", { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(`) });
}

/** Titles of the concepts listed on /concepts. */
export async function conceptTitles(page: Page) {
  await page.goto("/concepts");
  await expect(page.getByRole("heading", { level: 1, name: /^Integrationskonzepte/ })).toBeVisible();
  return page.getByRole("main").getByRole("listitem").getByRole("heading", { level: 2 }).allTextContents();
}
