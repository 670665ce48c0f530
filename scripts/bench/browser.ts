/** Chromium for the benchmark scripts. */
import fs from "node:fs";
import { chromium } from "@playwright/test";

/** Debian's chromium where present (Playwright cannot download browsers here), with the flags it needs. */
export function launchChromium() {
  const systemChromium = ["/usr/bin/chromium"].find((p) => fs.existsSync(p));
  return chromium.launch({
    executablePath: systemChromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** Chromium with the session cookie of `cookie` set for `base`: a signed-in browser, context and page. */
export async function signedInBrowser(base: string, cookie: string) {
  const browser = await launchChromium();
  const context = await browser.newContext();
  await context.addCookies(cookie.split("; ").map((c) => ({ name: c.split("=")[0]!, value: c.slice(c.indexOf("=") + 1), url: base })));
  const page = await context.newPage();
  return { browser, context, page };
}

/** domInteractive and loadEventEnd of the page's last navigation (ms since its start). */
export function navigationTiming(page: import("@playwright/test").Page) {
  return page.evaluate(() => {
    const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { interactive: e.domInteractive, load: e.loadEventEnd };
  });
}
