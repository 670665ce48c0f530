/**
 * Several people in the same part at once (real-time co-editing over Hocuspocus):
 * texts, carets and names arrive live, keys are not lost, nothing conflicts.
 */
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";

test("two people type into the same part at once: both texts arrive for both, with the other's caret and name, and no conflict", async ({ browser }) => {
  const first = await pageAs(browser, "editor");
  const second = await pageAs(browser, "admin");
  const a = new ConceptPage(first);
  const b = new ConceptPage(second);
  const id = await a.createConcept("Gemeinsam schreiben");
  await second.goto(`/concepts/${id}`);
  await a.write("Anlass und Auftrag", "Satz der Redaktion.");
  await b.write("Anlass und Auftrag", " Satz der Leitung.");
  for (const page of [first, second]) {
    await expect(page.locator("#kapitel-mandate .prose-editor")).toContainText("Satz der Redaktion.");
    await expect(page.locator("#kapitel-mandate .prose-editor")).toContainText("Satz der Leitung.");
  }
  await expect(first.locator("#kapitel-mandate .collab-caret-label")).toHaveText("Miriam Keller");
  // Her caret follows her, into the paragraph she starts (own caret moves are not redrawn, a colleague's are).
  await b.write("Anlass und Auftrag", "\nNeuer Absatz der Leitung.");
  await expect(first.locator("#kapitel-mandate p", { hasText: "Neuer Absatz der Leitung." }).locator(".collab-caret-label")).toHaveText("Miriam Keller");
  await expect(second.getByTestId("presence")).toContainText("JB"); // Jonas Brandt, the editor
  // Each name is isolated (FSI … PDI), so a right-to-left override in one name cannot mirror the next.
  await expect(second.locator("#kapitel-mandate .part-presence")).toContainText("Schreibt gerade hier: \u2068Jonas Brandt\u2069");
  await expect(first.getByRole("alert").filter({ hasText: "Konflikt" })).toHaveCount(0);
  await a.expectSaved("Anlass und Auftrag");
  await b.expectSaved("Anlass und Auftrag");
  // Undo is per person: the editor's undo takes back only the editor's own sentence.
  await (await a.editor("Anlass und Auftrag")).press("Control+z");
  await expect(second.locator("#kapitel-mandate .prose-editor")).not.toContainText("Satz der Redaktion.");
  await expect(second.locator("#kapitel-mandate .prose-editor")).toContainText("Satz der Leitung.");
  await first.context().close();
  await second.context().close();
});

test("while a colleague types in the same part, no arrow key of the other is lost: the word selected with Shift+arrows is the whole word", async ({ browser }) => {
  const first = await pageAs(browser, "editor");
  const second = await pageAs(browser, "admin");
  const a = new ConceptPage(first);
  const b = new ConceptPage(second);
  const id = await a.createConcept("Pfeiltasten beim Mitschreiben");
  const colleague = await a.write("Anlass und Auftrag", "Die Sprachkurse.");
  await a.expectSaved("Anlass und Auftrag");
  await second.goto(`/concepts/${id}`);
  const box = await b.editor("Anlass und Auftrag");
  // Keys pressed in the first moment after the part became an editor, while its status still says "Wird gespeichert …",
  // were lost in about 1 of 10 runs (issue 17's closing note): this test is about the keys after that, while a colleague types.
  await expect(b.statusOf("Anlass und Auftrag")).not.toHaveText(/Wird gespeichert/, { timeout: 15_000 });
  await expect(async () => {
    await box.press("Control+Home");
    expect(await second.evaluate(() => window.getSelection()?.anchorOffset)).toBe(0);
  }).toPass({ timeout: 15_000 });
  // The colleague's text and caret keep arriving while the keys are pressed (before the fix, every second round came out short).
  let typing = true;
  const colleagueTypes = (async () => {
    while (typing) {
      await colleague.press("x");
      await colleague.press("Backspace");
    }
  })();
  const selected: string[] = [];
  for (let round = 0; round < 8; round++) {
    await box.press("Control+Home");
    for (let i = 0; i < "Die ".length; i++) await box.press("ArrowRight");
    for (let i = 0; i < "Sprachkurse".length; i++) await box.press("Shift+ArrowRight");
    selected.push(await second.evaluate(() => String(window.getSelection())));
  }
  typing = false;
  await colleagueTypes;
  expect(selected).toEqual(Array(8).fill("Sprachkurse"));
  await first.context().close();
  await second.context().close();
});

test("ten browsers type into the same part at once, three of them at the same spot: every sentence arrives whole in every browser and is stored", async ({ browser }) => {
  test.setTimeout(180_000);
  // The first page of each user signs in through the form; the other eight reuse those sessions.
  const first = [await pageAs(browser, "editor"), await pageAs(browser, "admin")];
  const pages: Page[] = [...first, ...(await Promise.all(Array.from({ length: 8 }, (_, i) => pageAs(browser, i % 2 ? "admin" : "editor"))))];
  const writers = pages.map((p) => new ConceptPage(p));
  const id = await writers[0]!.createConcept("Zehn schreiben");
  // Ten paragraphs, one for each writer to add to.
  const tree = await (await pages[0]!.request.get(`/api/concepts/${id}`)).json();
  const part = tree.chapters.mandate.text as { id: string; revision: number };
  const paragraphs = Array.from({ length: 10 }, (_, i) => ({ type: "paragraph", content: [{ type: "text", text: `Absatz ${i + 1}` }] }));
  const put = await pages[0]!.request.put(`/api/concepts/${id}/sections/${part.id}`, {
    data: { baseRevision: part.revision, content: { type: "doc", content: paragraphs } },
    headers: { Origin: new URL(pages[0]!.url()).origin },
  });
  expect(put.status()).toBe(200);
  await Promise.all(pages.map((p) => p.goto(`/concepts/${id}`)));
  // One after the other: opening is not what this test is about, and ten pages hydrating at once on two cores starve each other.
  for (const w of writers) await w.editor("Anlass und Auftrag");
  // Everybody puts the caret at the end of a paragraph first (checked in the editor's selection); then all type at the same time.
  // Writers 8, 9 and 10 share the end of "Absatz 8": typing at one spot must not interleave their sentences.
  const spot = (i: number) => Math.min(i, 7);
  // The caret is read from the editor's own state: where colleagues' carets (with their names) already sit at the end
  // of a paragraph, the browser's selection points at the paragraph element after them, not into the text (stop 41's CI).
  const caret = (page: Page) =>
    page.evaluate(() => {
      const from = (document.activeElement as (Element & { editor?: import("@tiptap/core").Editor }) | null)?.editor?.state.selection.$from;
      return from ? `${from.parent.textContent}|${from.parentOffset}` : "kein Editor im Fokus|-1";
    });
  for (const [i, page] of pages.entries()) {
    const label = `Absatz ${spot(i) + 1}`;
    await expect(async () => {
      await page.locator("#kapitel-mandate .prose-editor p").nth(spot(i)).click();
      await page.keyboard.press("End");
      expect(await caret(page)).toBe(`${label}|${label.length}`);
    }).toPass({ timeout: 15_000 });
  }
  await Promise.all(pages.map((page, i) => page.keyboard.type(` Satz-${i + 1}.`, { delay: 5 })));
  // At the shared spot a sentence's leading space can land beside a colleague's sentence (known limit, see below),
  // so there the sentences are looked for without it.
  const expected = [...Array.from({ length: 7 }, (_, i) => `Absatz ${i + 1} Satz-${i + 1}.`), "Satz-8.", "Satz-9.", "Satz-10.", "Absatz 9", "Absatz 10"];
  for (const page of pages) {
    const text = page.locator("#kapitel-mandate .prose-editor");
    for (const piece of expected) await expect(text).toContainText(piece);
  }
  await Promise.all(writers.map((w) => w.expectSaved("Anlass und Auftrag")));
  // Every browser ends with the same text, and the server stores every sentence where it was typed.
  // (Each browser shows the others' carets with names, so the text is read without them.)
  const texts = await Promise.all(
    pages.map((p) =>
      p.locator("#kapitel-mandate .prose-editor").evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
        return copy.textContent;
      }),
    ),
  );
  expect(new Set(texts).size).toBe(1);
  // The three sentences typed at one spot follow "Absatz 8" whole, in some order; the paragraphs after it are untouched.
  // (Known limit, see the closing note of 2026-12-03: the leading space of a sentence typed at the very same spot at the
  // same moment can land beside a colleague's sentence, two of them side by side on a slow machine, so spaces are not
  // compared there: the sentences themselves must be whole.)
  const sharedSpot = texts[0]!.slice(texts[0]!.indexOf("Absatz 8"));
  expect(sharedSpot.replace(/\s+/g, "")).toMatch(/^Absatz8(?:Satz-(?:8|9|10)\.){3}Absatz9Absatz10$/);
  await expect
    .poll(async () => {
      const stored = JSON.stringify((await (await pages[0]!.request.get(`/api/concepts/${id}`)).json()).chapters.mandate.text.content);
      return expected.filter((s) => stored.includes(s.trim())).length;
    })
    .toBe(expected.length);
  for (const page of pages) await page.context().close();
});
