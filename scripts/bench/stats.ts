/** Helpers shared by the benchmark scripts. */
import fs from "node:fs";
import { chromium } from "@playwright/test";

/** The p-th percentile (nearest rank) of a list of timings. */
export const pct = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** One decimal, for printing milliseconds. */
export const round = (n: number) => Math.round(n * 10) / 10;

/** Debian's chromium where present (Playwright cannot download browsers here), with the flags it needs. */
export function launchChromium() {
  const systemChromium = ["/usr/bin/chromium"].find((p) => fs.existsSync(p));
  return chromium.launch({
    executablePath: systemChromium,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
