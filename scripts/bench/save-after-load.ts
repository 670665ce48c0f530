import type { Browser, BrowserContext } from "@playwright/test";
import { heapMB, OBSERVE } from "./page-observe";
import { round } from "./stats";

/**
 * A save right after the load: the first part marked "fertig" (or the mark taken back) as soon as the page is
 * editable, timed from the click until the page shows the new state. The save refreshes the page from the server,
 * which brings the chapters not yet adopted (components/ui/hydration-gate.tsx) into React at that moment, so
 * this is where that work shows. Fresh context per run; the heap after the save as in the page measurement.
 */
export async function benchSaveAfterLoad(opts: { browser: Browser; context: BrowserContext; url: string; runs: number }) {
  const times: number[] = [];
  const heaps: number[] = [];
  const longest: number[] = [];
  for (let r = 0; r < opts.runs; r++) {
    const fresh = await opts.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await fresh.addCookies(await opts.context.cookies());
    try {
      const page = await fresh.newPage();
      await page.addInitScript(OBSERVE);
      await page.goto(opts.url, { waitUntil: "load" });
      await page.locator(".section-editor").first().scrollIntoViewIfNeeded();
      await page.locator('.section-editor [contenteditable="true"]').first().waitFor({ timeout: 60_000 });
      const form = page.getByTestId("part-done").first();
      const button = form.getByRole("button");
      const before = (await button.textContent()) ?? "";
      const clickedAt = await page.evaluate(() => performance.now());
      const t0 = performance.now();
      await button.click();
      await page.waitForFunction(([el, text]) => el!.querySelector("button")?.textContent !== text, [await form.elementHandle(), before] as const, { timeout: 60_000 });
      times.push(performance.now() - t0);
      longest.push(await page.evaluate((since) => Math.max(0, ...(window as unknown as { __kw: { longTasks: [number, number][] } }).__kw.longTasks.filter(([s]) => s >= since).map(([, d]) => d)), clickedAt));
      heaps.push(await heapMB(page));
    } finally {
      await fresh.close();
    }
  }
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!;
  const figures = { clickToShownMs: round(median(times)), runsMs: times.map(round), longestTaskMs: round(median(longest)), heapAfterMB: round(median(heaps)) };
  console.log(
    `  Speichern gleich nach dem Laden (Teil „fertig“ markieren, Klick → neuer Stand sichtbar): ${figures.clickToShownMs} ms (Läufe ${figures.runsMs.join(", ")}), ` +
      `längste Aufgabe dabei ${figures.longestTaskMs} ms, Heap danach ${figures.heapAfterMB} MB`,
  );
  return figures;
}
