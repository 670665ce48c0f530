import type { Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

import { expect, pageAs, test } from "./fixtures";
import { DEMO_CONCEPT_TITLE } from "./pages/concept";

const catalogue = (lang: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "..", "messages", `${lang}.json`), "utf8"));
const de = catalogue("de");
const en = catalogue("en");

/**
 * No German text of the catalogue on an English page. Every German message
 * that has a different English one is cut into its literal pieces (placeholders
 * and plural syntax removed); a piece of two or more words, or a single word of
 * twelve letters or more, must not appear in an English page's text. What users
 * wrote is left out (it stays in the language it was written in): texts marked
 * lang="de" (the print preview's document, a municipality's own field), <bdi>
 * and .user-text, text isolated inside a message (U+2068…U+2069), the editors and
 * static texts of the concept, form controls.
 */
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}

/** The literal pieces of an ICU message: plural and select branches' texts, the text around {arguments}; tags and # are cuts. */
export function literalPieces(message: string): string[] {
  const CUT = "\u0000";
  let text = message.replace(/<\/?\w+>/g, CUT).replace(/\{\s*\w+\s*\}/g, CUT).replace(/#/g, CUT);
  // Innermost braces first: a branch "{ Abschnitt geändert}" keeps its words, "{n, number}" is a cut, and a plural's
  // own "{count, plural, one … other …}" keeps its branches without the selector words.
  for (let round = 0; round < 10 && /[{}]/.test(text); round++) {
    text = text.replace(/\{([^{}]*)\}/g, (_whole, inner: string) => {
      const choice = /^\s*\w+\s*,\s*(plural|select|selectordinal)\s*,/.exec(inner);
      if (choice) return CUT + inner.slice(choice[0].length).replace(/(^|\u0000)\s*(offset:\d+\s*)?[\w=]+\s*(?=\u0000|$)/g, "$1") + CUT;
      if (/^\s*\w+\s*,/.test(inner)) return CUT;
      return CUT + inner + CUT;
    });
  }
  return text
    .split(CUT)
    .map((piece) => piece.replace(/^[\s:;,.–—·()„“”"'…]+|[\s:;,.–—·()„“”"'…]+$/g, ""))
    .filter(Boolean);
}

const englishValues = leaves(en as Tree).map(([, v]) => v);
const englishByKey = new Map(leaves(en as Tree));

/** German pieces worth looking for: from messages whose English differs, long enough not to hit by chance, never part of an English message. */
const GERMAN: { key: string; piece: string }[] = leaves(de as Tree)
  .filter(([key, text]) => englishByKey.get(key) !== text)
  .flatMap(([key, text]) => literalPieces(text).map((piece) => ({ key, piece })))
  .filter(({ piece }) => (/\s/.test(piece) ? piece.length >= 10 : piece.length >= 12 && /^[\p{L}-]+$/u.test(piece)))
  .filter(({ piece }) => !englishValues.some((value) => value.includes(piece)))
  .filter((entry, i, all) => all.findIndex((other) => other.piece === entry.piece) === i);

/** What the seeded demo data calls things (user text shown outside <bdi> in places, such as a page title). */
const DEMO_TEXTS = [DEMO_CONCEPT_TITLE, "Musterstadt"];

/** The page's own text: without what users wrote and without scripts. */
async function interfaceText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    const userText = '[lang]:not([lang="en"]):not([lang^="en-"]), bdi, .user-text, .rich-static, .prose-editor, .ProseMirror, textarea, input, select, script, style, template, noscript';
    for (const el of Array.from(body.querySelectorAll(userText))) el.remove();
    // Text set between U+2068 and U+2069 is a user's text isolated inside a message (lib/format.ts, isolate).
    return (body.textContent ?? "").replace(/\u2068[^\u2069]*\u2069/g, " ").replace(/\s+/g, " ");
  });
  return DEMO_TEXTS.reduce((rest, demo) => rest.split(demo).join(" "), text);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function germanIn(text: string): string[] {
  return GERMAN.filter(({ piece }) => new RegExp(`(^|[^\\p{L}])${escape(piece)}($|[^\\p{L}])`, "u").test(text)).map(({ key, piece }) => `${key}: „${piece}“`);
}

const PAGES: { name: string; path: (concept: string) => string; optional?: boolean }[] = [
  { name: "Konzeptliste", path: () => "/concepts" },
  { name: "Konzeptseite", path: (c) => c },
  { name: "Versionen", path: (c) => `${c}/versionen` },
  { name: "Vergleich im Text", path: (c) => `${c}/versionen/vergleich?von=1&bis=2` },
  { name: "Synopse nebeneinander", path: (c) => `${c}/versionen/vergleich?von=1&bis=entwurf&ansicht=nebeneinander&unveraendert=1` },
  { name: "Vergleich mit ungültigem Stand", path: (c) => `${c}/versionen/vergleich?von=999&bis=entwurf` },
  { name: "Prüfung", path: (c) => `${c}/pruefung` },
  { name: "Vergleich mit anderen Kommunen", path: (c) => `${c}/vergleich` },
  { name: "Vergleich, alle Kommunen", path: (c) => `${c}/vergleich?gruppe=all` },
  { name: "Maßnahmenbibliothek", path: (c) => `${c}/vergleich/bibliothek` },
  { name: "Druckvorschau", path: (c) => `${c}/druckvorschau` },
  { name: "Monitoring", path: (c) => `${c}/monitoring`, optional: true },
  { name: "Mitglieder", path: () => "/mitglieder" },
  { name: "Protokoll", path: () => "/protokoll" },
  { name: "Für mich", path: () => "/aufgaben" },
];

test("the catalogue yields German pieces to look for, and the scan finds them on a German page", async ({ browser }) => {
  expect(GERMAN.length).toBeGreaterThan(300);
  expect(literalPieces("{count, plural, one {# Abschnitt geändert} other {# Abschnitte geändert}}")).toEqual(["Abschnitt geändert", "Abschnitte geändert"]);
  expect(literalPieces("Zur Maßnahme „<bdi>{title}</bdi>“")).toEqual(["Zur Maßnahme"]);
  const page = await pageAs(browser, "admin");
  await page.goto("/concepts");
  // The same scan on the German page must find German: otherwise the English test below could pass by seeing nothing.
  expect(germanIn(await interfaceText(page)).length).toBeGreaterThan(3);
  await page.context().close();
});

test("no German text from the catalogue appears on an English page", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await pageAs(browser, "admin");
  const href = await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/concepts\/[0-9a-f-]{36}$/);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  for (const main of PAGES) {
    const response = await page.goto(main.path(href!));
    if (main.optional && response?.status() === 404) {
      testInfo.annotations.push({ type: "not built", description: `${main.name} gibt es (noch) nicht` });
      continue;
    }
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    expect.soft(germanIn(await interfaceText(page)), `German on the English page „${main.name}“ (${main.path(href!)})`).toEqual([]);
  }
  await page.context().close();
});

test("a domain error from a server action reaches an English page in English", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: page.url() }]);
  await page.goto("/concepts");
  const href = await page.getByRole("link", { name: DEMO_CONCEPT_TITLE, exact: true }).getAttribute("href");
  // A version that does not exist: the page shows the domain's error (lib/versions) in English.
  await page.goto(`${href}/versionen/vergleich?von=999&bis=entwurf`);
  // (the page's forms keep their own, empty alert regions: the error is the one with text)
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText("Version 999 does not exist.");
  await expect(page.getByRole("link", { name: "Back to the versions" })).toBeVisible();
  await page.context().close();
});
