import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * axe's WCAG 2.1 A/AA findings on the page as it is now, one line per rule: id, help, how many elements, the first.
 *
 * Legacy mode runs axe in the page itself. The default opens a blank page per call to gather the results of
 * cross-origin frames, and the app has no frames at all (frame-src 'none', lib/http/security-headers.ts): on the
 * same pages it found the same violations in 40–50 % of the time (5.2 s instead of 10–13 s on the demo concept).
 * `resultTypes: ["violations"]` would be faster still, but gives false heading-order and landmark-unique findings:
 * those rules compare every heading and landmark of the page, which that option leaves out.
 */
export async function axeViolations(page: Page, { include }: { include?: string } = {}): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_21_AA).setLegacyMode(true);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes[0]?.target.join(" ")})`);
}

/** Fails the test with every finding of axe (see axeViolations), named after the page or state it was taken in. */
export async function expectNoViolations(page: Page, name: string, options?: { include?: string }) {
  expect(await axeViolations(page, options), `axe auf ${name}`).toEqual([]);
}
