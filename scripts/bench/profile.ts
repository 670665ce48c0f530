import type { Page } from "@playwright/test";

/** The trace categories DevTools' performance panel records. */
export const TIMELINE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"];

/**
 * Records the page's CPU profile (sampled every `intervalUs`, none when 0: the sampler slows the page by itself)
 * and the browser's performance trace from now until `stop`, both as DevTools opens them.
 */
export async function recordProfile(page: Page, opts: { intervalUs: number; categories: string[] }) {
  const cdp = await page.context().newCDPSession(page);
  if (opts.intervalUs > 0) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: opts.intervalUs });
    await cdp.send("Profiler.start");
  }
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: opts.categories });
  return {
    async stop(): Promise<{ profile: unknown | null; trace: Buffer }> {
      const profile = opts.intervalUs > 0 ? (await cdp.send("Profiler.stop")).profile : null;
      const trace = await browser.stopTracing();
      await cdp.detach();
      return { profile, trace };
    },
  };
}
