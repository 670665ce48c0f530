import type { Page, TestInfo } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";
import { axeViolations } from "./support/axe";

/**
 * Every main page at a phone (390 px), a tablet (768 px) and a desktop width (1,440 px):
 * nothing scrolls the page sideways, axe finds nothing, and a screenshot of each is kept
 * with the test's results (of the whole page where a check failed, else of the first screen). One test per width, one sign-in per worker (pageAs),
 * soft assertions so that one run lists every page that fails.
 */
const WIDTHS = [390, 768, 1440] as const;

type MainPage = { name: string; path: (concept: string) => string; /** a page another change may not have built yet: checked when it exists */ optional?: boolean };
const PAGES: MainPage[] = [
  { name: "Konzeptliste", path: () => "/concepts" },
  { name: "Konzeptseite", path: (c) => c },
  { name: "Versionen", path: (c) => `${c}/versionen` },
  { name: "Vergleich im Text", path: (c) => `${c}/versionen/vergleich?von=1&bis=2` },
  { name: "Synopse nebeneinander", path: (c) => `${c}/versionen/vergleich?von=1&bis=entwurf&ansicht=nebeneinander&unveraendert=1` },
  { name: "Prüfung", path: (c) => `${c}/pruefung` },
  { name: "Vergleich mit anderen Kommunen", path: (c) => `${c}/vergleich` },
  { name: "Maßnahmenbibliothek", path: (c) => `${c}/vergleich/bibliothek` },
  { name: "Druckvorschau", path: (c) => `${c}/druckvorschau` },
  { name: "Monitoring", path: (c) => `${c}/monitoring`, optional: true },
  { name: "Mitglieder", path: () => "/mitglieder" },
  { name: "Protokoll", path: () => "/protokoll" },
  { name: "Für mich", path: () => "/aufgaben" },
];

async function demoConceptPath(page: Page) {
  await page.goto("/concepts");
  const href = await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/concepts\/[0-9a-f-]{36}$/);
  return href!;
}

/** Boxes that scroll sideways are focusable regions once the page has hydrated (components/ui/scroll-box.tsx). */
async function scrollBoxesSettled(page: Page) {
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".scroll-box")).every((box) => box.scrollWidth <= box.clientWidth + 1 || box.getAttribute("tabindex") === "0"),
  );
}

/** The page's width against the viewport's; when it is wider, the elements that stick out, named for the report. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth <= width) return { scrollWidth, innerWidth: width, culprits };
    // Content of a box that scrolls or clips by itself does not widen the page.
    const contained = (el: HTMLElement) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) if (getComputedStyle(up).overflowX !== "visible") return true;
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= width + 1) continue;
      // Name only the outermost element that sticks out: its children follow it.
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1) continue;
      if (contained(el)) continue;
      const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : "";
      culprits.push(`${el.tagName.toLowerCase()}${cls} (right edge ${Math.round(rect.right)} px)`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth, innerWidth: width, culprits };
  });
}

async function checkPage(page: Page, testInfo: TestInfo, name: string, width: number) {
  const errorsBefore = testInfo.errors.length;
  await scrollBoxesSettled(page);
  const { scrollWidth, innerWidth, culprits } = await overflow(page);
  expect.soft(scrollWidth, `${name} bei ${width} px ist ${scrollWidth} px breit (${innerWidth} px Fenster): ${culprits.join("; ")}`).toBeLessThanOrEqual(innerWidth);
  expect.soft(await axeViolations(page), `axe auf ${name} bei ${width} px`).toEqual([]);
  // The whole page when a check failed on it, to see where; else the first screen (a full-page shot of the long pages costs seconds).
  const failed = testInfo.errors.length > errorsBefore;
  await testInfo.attach(`${width}px-${name.replace(/[^\wäöüß-]+/gi, "-")}.png`, { body: await page.screenshot({ fullPage: failed }), contentType: "image/png" });
}

for (const width of WIDTHS) {
  test(`every main page fits ${width} px without sideways scrolling and has no axe violations`, async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    const page = await pageAs(browser, "admin");
    await page.setViewportSize({ width, height: 900 });
    const concept = await demoConceptPath(page);
    for (const main of PAGES) {
      const response = await page.goto(main.path(concept));
      if (main.optional && response?.status() === 404) {
        testInfo.annotations.push({ type: "not built", description: `${main.name}: ${main.path(concept)} gibt es (noch) nicht` });
        continue;
      }
      expect.soft(response?.status(), `${main.name} lädt`).toBe(200);
      await checkPage(page, testInfo, main.name, width);
    }
    await page.context().close();
  });
}

test("on a phone the header and the outline are menus: every link is reachable, nothing covers the text", async ({ browser }, testInfo) => {
  const page = await pageAs(browser, "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  const concept = await demoConceptPath(page);

  // The header: one menu button; opened, every destination shows, "Protokoll" included, inside the screen.
  const menu = page.getByRole("button", { name: "Menü", exact: true });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
  await expect(nav).toBeHidden();
  await expect(async () => {
    // Until the page has hydrated, a click does nothing: try again.
    if ((await menu.getAttribute("aria-expanded")) !== "true") await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  for (const name of ["Integrationskonzepte", "Für mich", "Mitglieder", "Protokoll"]) {
    const link = nav.getByRole("link", { name, exact: false }).first();
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x + box.width, `${name} liegt im Fenster`).toBeLessThanOrEqual(390);
  }
  await expect(page.getByRole("button", { name: "Abmelden" })).toBeVisible();
  expect(await axeViolations(page), "axe mit offenem Menü").toEqual([]);
  await testInfo.attach("390px-menue-offen.png", { body: await page.screenshot(), contentType: "image/png" });
  // Escape closes it and returns focus to the button.
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav).toBeHidden();

  // The outline: a bar with the progress, not a column over the text; opened, a link jumps and closes it.
  await page.goto(concept);
  const outline = page.getByRole("navigation", { name: "Gliederung" });
  const toggle = outline.getByRole("button", { name: /^Gliederung/ });
  await expect(toggle).toBeVisible();
  await expect(outline.getByRole("link").first()).toBeHidden();
  const bar = (await outline.boundingBox())!;
  expect(bar.height, "die geschlossene Gliederung ist eine schmale Leiste").toBeLessThan(120);
  await expect(async () => {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  const funding = outline.getByRole("link", { name: /Finanzierung/ }).first();
  await expect(funding).toBeVisible();
  expect(await axeViolations(page), "axe mit offener Gliederung").toEqual([]);
  await funding.click();
  await expect(page).toHaveURL(/#kapitel-funding$/);
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  // The chapter's heading is not under the bar.
  const heading = page.locator("#kapitel-funding h2").first();
  await expect(heading).toBeInViewport();
  // (Once the page has settled: the parts around the target get their real height as they come near.)
  const bar2 = (await outline.boundingBox())!;
  await expect
    .poll(async () => (await heading.boundingBox())!.y, { message: "die Überschrift liegt unter der Leiste, nicht dahinter" })
    .toBeGreaterThanOrEqual(bar2.y + bar2.height - 1);
  await expect(heading).toBeInViewport();
  await page.context().close();
});

test("a wide table scrolls inside its own box, which keyboard users can reach and scroll", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/mitglieder");
  await scrollBoxesSettled(page);
  const region = page.getByRole("region", { name: /Mitglieder/ }).first();
  await expect(region).toHaveAttribute("tabindex", "0");
  await region.focus();
  const before = await region.evaluate((el) => el.scrollLeft);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});
