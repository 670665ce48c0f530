import type { Browser, BrowserContext } from "@playwright/test";
import { expect, pageAs, PASSWORD, test, USERS } from "./fixtures";

/** The old cookie, replayed in a fresh browser, after the session was ended. */
async function replayStatus(browser: Browser, cookies: Awaited<ReturnType<BrowserContext["cookies"]>>) {
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const status = (await replay.request.get("/api/concepts")).status();
  await replay.close();
  return status;
}

test("Auth.js's sign-out page leads to the German sign-out, which ends the server session", async ({ browser }) => {
  const page = await pageAs(browser, "editor", { fresh: true });
  const cookies = await page.context().cookies();
  await page.goto("/api/auth/signout");
  await expect(page).toHaveURL(/\/abmelden$/);
  await expect(page.getByRole("heading", { level: 1, name: "Abmelden" })).toBeVisible();
  await page.getByRole("main").getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/login\?abgemeldet=1$/);
  expect(await replayStatus(browser, cookies)).toBe(401);
  await page.context().close();
});

test("a POST to Auth.js's sign-out endpoint ends the server session too", async ({ browser }) => {
  const page = await pageAs(browser, "editor", { fresh: true });
  const cookies = await page.context().cookies();
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect(await replayStatus(browser, cookies)).toBe(401);
  await page.context().close();
});

test("Auth.js's other built-in pages lead to the German sign-in page", async ({ page }) => {
  await page.goto("/api/auth/signin");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1, name: "Anmelden" })).toBeVisible();
  await page.goto("/api/auth/error?error=Configuration");
  await expect(page).toHaveURL(/\/login\?error=Configuration$/);
  await expect(page.getByText("Die Anmeldung hat nicht geklappt. Bitte melden Sie sich erneut an.")).toBeVisible();
  await page.goto("/api/auth/signout");
  // Signed out already: nothing to sign out of.
  await expect(page).toHaveURL(/\/login$/);
});

test("after sign-in, a hostile ?next= stays on the app; a path of the app is kept", async ({ page, baseURL }) => {
  for (const next of ["/%09/evil.example", "/..//evil.example", "//evil.example", "/%5C/evil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel("E-Mail-Adresse").fill(USERS.editor);
    await page.getByLabel("Passwort").fill(PASSWORD);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(page, next).toHaveURL(`${baseURL}/concepts`);
  }
  await page.context().clearCookies();
  await page.goto(`/login?next=${encodeURIComponent("/aufgaben")}`);
  await page.getByLabel("E-Mail-Adresse").fill(USERS.editor);
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/aufgaben`);
});
