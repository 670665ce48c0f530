import { expect, test } from "@playwright/test";
import { startOidcServer, type TestOidcServer } from "../tests/support/oidc-server";

// As in playwright.config.ts, which hands this address to the app.
const E2E_OIDC_PORT = Number(process.env.E2E_OIDC_PORT || Number(process.env.E2E_PORT || 3100) + 99);

/** Single sign-on in the browser: the app's button, a real OpenID provider on 127.0.0.1, back in the app, signed out again. */
let idp: TestOidcServer;

test.beforeAll(async ({ baseURL }) => {
  idp = await startOidcServer({
    port: E2E_OIDC_PORT,
    redirectUris: [`${baseURL}/api/auth/callback/oidc-1`],
    postLogoutRedirectUris: [`${baseURL}/login`],
  });
});

test.afterAll(async () => {
  await idp?.close();
});

test("signs a known person in through the provider and offers the provider's sign-out afterwards", async ({ page }) => {
  // The demo editor's address at the provider: the existing account is linked on first sign-in.
  idp.signInAs({ sub: "e2e-redaktion", email: "redaktion@musterstadt.example", name: "Redaktion Musterstadt" });
  await page.goto("/login");
  await page.getByRole("button", { name: "Anmelden mit Testdienst" }).click();
  await expect(page).toHaveURL(/\/concepts$/);
  await expect(page.getByText("Musterstadt").first()).toBeVisible();

  await page.goto("/abmelden");
  await page.getByRole("main").getByRole("button", { name: "Abmelden" }).click();
  await expect(page.getByText("Sie wurden abgemeldet.")).toBeVisible();
  const endSession = page.getByRole("link", { name: "Auch bei Testdienst abmelden" });
  await expect(endSession).toHaveAttribute("href", new RegExp(`^http://127\\.0\\.0\\.1:${E2E_OIDC_PORT}/session/end\\?client_id=konzeptwerk-test&post_logout_redirect_uri=`));
  await page.goto("/concepts");
  await expect(page).toHaveURL(/\/login/);
});
