/**
 * Several app processes, as an IT department runs them: two processes of the
 * built app on two ports, one PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)
 * between them, and a real browser on each. Both type into the same part of
 * the same concept; each must see the other's sentence live (the documents are
 * shared through Redis), and both sentences must be stored. Then a third
 * browser goes through a round-robin proxy in front of both (a load balancer
 * without sticky sessions): it signs in on one process, goes on on the other,
 * and its sentence typed through the proxy reaches the first browser live.
 *
 * Needs `next build` first. Empties the database at DATABASE_URL, so it runs
 * only with KONZEPTWERK_TEST_RESET=1 (never against a database with real data).
 */
import postgres from "postgres";
import type { Page } from "@playwright/test";
import { launchChromium } from "./bench/browser";
import { startApp, stopApp, type App } from "./app-process";
import { freePort } from "./free-port";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { signInCookie } from "./sign-in";

const DATABASE_URL = process.env.DATABASE_URL?.trim() ?? "";
const REDIS_URL = process.env.REDIS_URL?.trim() ?? "";
const PART = "Anlass und Auftrag";


async function until(what: string, check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Zeitüberschreitung: ${what}`);
}

async function type(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: PART, exact: true });
  // (the click scrolls the part into view, and is tried again when the part becomes an editor under it)
  await box.click();
  await until(`Editor „${PART}“ bearbeitbar`, async () => (await box.getAttribute("contenteditable")) === "true");
  await box.click();
  await box.press("Control+End");
  await box.pressSequentially(text, { delay: 10 });
}

async function main() {
  if (!DATABASE_URL || !REDIS_URL) throw new Error("Zwei-Prozess-Test: DATABASE_URL und REDIS_URL müssen gesetzt sein.");
  if (process.env.KONZEPTWERK_TEST_RESET !== "1") throw new Error("Der Zwei-Prozess-Test leert DATABASE_URL und läuft nur mit KONZEPTWERK_TEST_RESET=1.");
  const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  await sql.unsafe("drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;");
  await sql.end();

  const apps: App[] = [];
  let proxy: RoundRobinProxy | null = null;
  const browser = await launchChromium();
  try {
    // The first process migrates and seeds; the second joins the same database.
    // Both behind the proxy, as in production (TRUST_PROXY=1: they believe its X-Forwarded-* headers).
    const env = { TRUST_PROXY: "1" };
    apps.push(await startApp("a", { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, seed: true, env }));
    apps.push(await startApp("b", { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, seed: false, env }));
    const [a, b] = apps as [App, App];
    const cookieA = await signInCookie(a.base, "redaktion@musterstadt.example", "konzeptwerk");
    const cookieB = await signInCookie(b.base, "leitung@musterstadt.example", "konzeptwerk");
    const { concepts } = (await (await fetch(`${a.base}/api/concepts`, { headers: { cookie: cookieA } })).json()) as { concepts: { id: string }[] };
    const conceptId = concepts[0]!.id;

    const pageFor = async (app: App, cookie: string) => {
      const context = await browser.newContext({ locale: "de-DE" });
      await context.addCookies(cookie.split("; ").map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: app.base })));
      const page = await context.newPage();
      await page.goto(`${app.base}/concepts/${conceptId}`);
      return page;
    };
    const pageA = await pageFor(a, cookieA);
    const pageB = await pageFor(b, cookieB);
    await type(pageA, " Satz aus Prozess A.");
    await type(pageB, " Satz aus Prozess B.");
    const textOf = (page: Page) => page.locator("#kapitel-mandate .prose-editor").innerText();
    for (const [page, name] of [
      [pageA, "A"],
      [pageB, "B"],
    ] as const) {
      await until(`Browser an Prozess ${name} zeigt beide Sätze`, async () => {
        const text = await textOf(page);
        return text.includes("Satz aus Prozess A.") && text.includes("Satz aus Prozess B.");
      });
    }
    for (const [app, cookie, name] of [
      [a, cookieA, "A"],
      [b, cookieB, "B"],
    ] as const) {
      await until(`Prozess ${name} liefert beide Sätze aus der Datenbank`, async () => {
        const tree = (await (await fetch(`${app.base}/api/concepts/${conceptId}`, { headers: { cookie } })).json()) as {
          chapters: { mandate: { text: { content: unknown } } };
        };
        const stored = JSON.stringify(tree.chapters.mandate.text.content);
        return stored.includes("Satz aus Prozess A.") && stored.includes("Satz aus Prozess B.");
      });
    }
    console.log("Zwei Prozesse (PostgreSQL + Redis, je ein Browser): beide Sätze live beim anderen und gespeichert.");

    // Behind a load balancer without sticky sessions: sign in on one process, go on on the other.
    proxy = await startRoundRobinProxy(await freePort(), [a.base, b.base]);
    const viaProxy = await (await browser.newContext({ locale: "de-DE" })).newPage();
    await viaProxy.goto(`${proxy.base}/login`);
    await viaProxy.getByLabel("E-Mail-Adresse").fill("leitung@musterstadt.example");
    await viaProxy.getByLabel("Passwort").fill("konzeptwerk");
    await viaProxy.getByRole("button", { name: "Anmelden", exact: true }).click();
    await viaProxy.waitForURL(/\/concepts$/);
    for (let i = 0; i < 4; i++) {
      await viaProxy.goto(`${proxy.base}/aufgaben`);
      if (!/\/aufgaben$/.test(viaProxy.url())) throw new Error(`Über den Proxy (Aufruf ${i + 1}) nicht mehr angemeldet: ${viaProxy.url()}`);
      await viaProxy.getByRole("heading", { name: "Für mich", level: 1 }).waitFor();
    }
    const served = [...proxy.hits.values()];
    if (served.some((n) => n === 0)) throw new Error(`Der Proxy hat nicht beide Prozesse benutzt: ${served.join(" / ")}`);
    await viaProxy.goto(`${proxy.base}/concepts/${conceptId}`);
    await type(viaProxy, " Satz über den Proxy.");
    await until("Browser an Prozess A zeigt den Satz, der über den Proxy getippt wurde", async () => (await textOf(pageA)).includes("Satz über den Proxy."));
    console.log(`Hinter einem Proxy ohne feste Zuordnung (Anfragen je Prozess: ${served.join(" / ")}): angemeldet über den einen, weiter auf dem anderen, Satz live beim anderen Browser.`);
  } finally {
    await browser.close();
    await proxy?.close();
    for (const app of apps) await stopApp(app);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Zwei-Prozess-Test fehlgeschlagen: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
