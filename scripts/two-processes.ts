/**
 * Several app processes, as an IT department runs them: two processes of the
 * built app on two ports, one PostgreSQL (DATABASE_URL) and Redis (REDIS_URL)
 * between them, and a real browser on each. Both type into the same part of
 * the same concept; each must see the other's sentence live (the documents are
 * shared through Redis), and both sentences must be stored.
 *
 * Needs `next build` first. Empties the database at DATABASE_URL, so it runs
 * only with KONZEPTWERK_TEST_RESET=1 (never against a database with real data).
 */
import postgres from "postgres";
import type { Page } from "@playwright/test";
import { launchChromium } from "./bench/browser";
import { startApp, stopApp, type App } from "./app-process";
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
  await box.scrollIntoViewIfNeeded();
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
  const browser = await launchChromium();
  try {
    // The first process migrates and seeds; the second joins the same database.
    apps.push(await startApp("a", { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, seed: true }));
    apps.push(await startApp("b", { databaseUrl: DATABASE_URL, redisUrl: REDIS_URL, seed: false }));
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
  } finally {
    await browser.close();
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
