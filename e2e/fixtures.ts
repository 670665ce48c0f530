import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { ConceptPage } from "./pages/concept";

export const PASSWORD = "konzeptwerk";
export const USERS = {
  admin: "leitung@musterstadt.example",
  editor: "redaktion@musterstadt.example",
  reviewer: "rat@musterstadt.example",
  otherAdmin: "leitung@beispielkreis.example",
} as const;
export type UserKey = keyof typeof USERS;

export async function signIn(page: Page, user: UserKey) {
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(USERS[user]);
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/concepts$/);
}

/** A page signed in as the given user, in its own browser context. */
export async function pageAs(browser: Browser, user: UserKey) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user);
  return page;
}

type Fixtures = { editorPage: Page; conceptPage: ConceptPage };

export const test = base.extend<Fixtures>({
  editorPage: async ({ browser }, use) => {
    const page = await pageAs(browser, "editor");
    await use(page);
    await page.context().close();
  },
  conceptPage: async ({ editorPage }, use) => {
    await use(new ConceptPage(editorPage));
  },
});

export { expect };
