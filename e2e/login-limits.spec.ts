import { expect, PASSWORD, test, USERS } from "./fixtures";

test("after ten wrong passwords the login form says to wait, and other accounts still sign in", async ({ page, browser }) => {
  // An address without an account: failures count the same (whether an account exists must not show),
  // and no demo account used by the other tests is blocked for 15 minutes.
  const email = `unbekannt-${Date.now()}@musterstadt.example`;
  await page.goto("/login");
  const status = page.locator("main").getByRole("alert");
  for (let i = 1; i <= 10; i++) {
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill(`falsch-${i}`);
    await page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect(status).toHaveText("E-Mail-Adresse oder Passwort ist falsch.");
    // The next answer must be a new one, not the old text still standing.
    await page.goto("/login");
  }
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill("falsch-11");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(status).toHaveText(/^Zu viele Anmeldeversuche\. Bitte warten Sie (1[0-5]) Minuten und versuchen Sie es dann erneut\.$/);

  // A forged proxy header does not make a new address: without TRUST_PROXY the app counts the socket's address.
  const forged = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.7" } });
  const other = await forged.newPage();
  await other.goto("/login");
  await other.getByLabel("E-Mail-Adresse").fill(email);
  await other.getByLabel("Passwort").fill("falsch-12");
  await other.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(other.locator("main").getByRole("alert")).toHaveText(/^Zu viele Anmeldeversuche\./);
  await forged.close();

  // The limit is per account and address, not for everyone behind this address.
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill(USERS.admin);
  await page.getByLabel("Passwort").fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/concepts$/);
});
