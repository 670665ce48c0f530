import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { FieldOfAction } from "./pages/measures";

/**
 * Every page runs under a strict Content-Security-Policy with a fresh nonce,
 * and not one page writes anything to the console: no CSP violation, no
 * Permissions-Policy warning, no error. The listener is attached before the
 * first navigation, so messages during hydration count too.
 */
function watchConsole(page: Page) {
  const messages: string[] = [];
  page.on("console", (m) => messages.push(`${page.url()} [${m.type()}] ${m.text()}`));
  page.on("pageerror", (e) => messages.push(`${page.url()} [pageerror] ${e.message}`));
  // Also the DOM event, should the browser ever stop logging violations itself.
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`securitypolicyviolation ${e.violatedDirective} ${e.blockedURI}`));
  });
  return messages;
}

async function visit(page: Page, path: string) {
  const res = await page.goto(path);
  await page.waitForLoadState("networkidle");
  const csp = res!.headers()["content-security-policy"] ?? "";
  expect(csp, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"]) expect(csp, path).toContain(directive);
  expect(csp, path).not.toContain("'unsafe-eval'");
  expect(res!.headers()["permissions-policy"], path).toContain("camera=()");
  expect(res!.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
}

test("every main page renders under the CSP without a single console message", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const messages = watchConsole(page);
  await visit(page, "/login");
  await visit(page, "/registrieren");
  await page.getByLabel("E-Mail-Adresse").first().focus();
  await visit(page, "/passwort-vergessen");
  // A link from a mail that is no longer valid still renders its (German) page under the CSP.
  await visit(page, "/passwort-neu/abgelaufen-0123456789");
  await visit(page, "/einladung/abgelaufen-0123456789");
  await page.goto("/login");
  await page.getByLabel("E-Mail-Adresse").fill("leitung@musterstadt.example");
  await page.getByLabel("Passwort").fill("konzeptwerk");
  await page.getByRole("button", { name: "Anmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/concepts$/);

  await visit(page, "/concepts");
  const concept = new ConceptPage(page);
  const id = await concept.openDemoConcept();
  await visit(page, `/concepts/${id}`);
  // The editor proper (Tiptap, ProseMirror) and the measure form.
  const box = page.getByRole("textbox", { name: "Anlass und Auftrag", exact: true });
  await box.click();
  await expect(box).toHaveAttribute("contenteditable", "true");
  await new FieldOfAction(page, "Sprache").openNewMeasure();
  for (const path of [
    `/concepts/${id}/versionen`,
    `/concepts/${id}/versionen/vergleich?von=1&bis=2`,
    `/concepts/${id}/versionen/vergleich?von=1&bis=entwurf&ansicht=nebeneinander&unveraendert=1`,
    `/concepts/${id}/pruefung`,
    `/concepts/${id}/vergleich`,
    `/concepts/${id}/vergleich/bibliothek`,
    `/concepts/${id}/monitoring`,
    `/concepts/${id}/monitoring?feld=language`,
    `/concepts/${id}/druckvorschau`,
    "/mitglieder",
    "/aufgaben",
    "/protokoll",
    "/concepts/import",
    "/abmelden",
  ]) {
    await visit(page, path);
  }
  // The review page with its highlights (CSS Custom Highlight API) and the comment box open.
  await page.goto(`/concepts/${id}/pruefung`);
  await page.getByRole("button", { name: "Kommentieren – Anlass und Auftrag" }).first().click();
  await page.waitForLoadState("networkidle");
  expect(messages).toEqual([]);
  await context.close();
});

test("the nonce is new on every request, and an injected inline script does not run", async ({ page, request }) => {
  const nonces = await Promise.all(
    [0, 1].map(async () => {
      const res = await request.get("/login");
      const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
      // Next.js puts the header's nonce on its own scripts.
      expect(await res.text()).toContain(`nonce="${nonce}"`);
      return nonce;
    }),
  );
  expect(nonces[0]).not.toBe(nonces[1]);

  const violations = watchConsole(page);
  await page.goto("/login");
  // What an HTML injection would try: an inline event handler (code run by DevTools itself is exempt, so no <script> here).
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", `<img alt="" src="data:," onerror="window.__injected = 1">`));
  // The browser reports the blocked handler; once it has, the handler would have run already.
  await expect.poll(() => violations.join("\n")).toMatch(/Content Security Policy|securitypolicyviolation script-src-attr/);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});

