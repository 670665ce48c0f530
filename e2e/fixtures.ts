import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;
/** Each user's session from a real sign-in through the login form, kept for this worker's later tests. */
const sessions = new Map<UserKey, StorageState>();

/**
 * A page signed in as the given user, in its own browser context. The first call per user
 * signs in through the login form; later ones reuse that session (saving two page loads per
 * test). A test that ends its session (sign-out) asks for a `fresh` one of its own.
 */
export async function pageAs(browser: Browser, user: UserKey, { fresh = false } = {}) {
  const kept = fresh ? undefined : sessions.get(user);
  const context = await browser.newContext(kept ? { storageState: kept } : {});
  const page = await context.newPage();
  if (kept) {
    // The same landing page as after the form; a session someone ended would show here as the login page.
    await page.goto("/concepts");
    await expect(page).toHaveURL(/\/concepts$/);
    return page;
  }
  await signIn(page, user);
  if (!fresh) sessions.set(user, await context.storageState());
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
