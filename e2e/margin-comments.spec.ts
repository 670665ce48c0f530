/**
 * Comments in the margin of the concept page (issue 13): a reviewer selects a
 * passage with Shift+arrows and comments with Strg+Alt+M, the focus returns
 * to the text; the editor selects with the mouse and comments through the
 * "Kommentieren" button beside the selection; the colleague sees the thread
 * beside the part and the count in the outline; a resolved thread folds into
 * "1 erledigter Kommentar"; the link in "Für mich" lands on the thread with
 * the focus on it; axe finds nothing on the page with its margin comments.
 */
import type { Page } from "@playwright/test";
import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { selectText, textTop } from "./pages/selection";
import { expectNoViolations } from "./support/axe";

const PART = "Anlass und Auftrag";
const TEXT = "Die Stadt fördert Sprachkurse für alle Neuzugewanderten.";


const margin = (page: Page) => page.getByRole("complementary", { name: `Kommentare zu „${PART}“` });

test("comments in the margin: keyboard and mouse, seen by a colleague, counted in the outline, resolved folded, reached from Für mich", async ({ browser }) => {
  const editorPage = await pageAs(browser, "editor");
  const reviewerPage = await pageAs(browser, "reviewer");
  const editor = new ConceptPage(editorPage);
  const reviewer = new ConceptPage(reviewerPage);
  const title = `Randkommentare ${Date.now()}`;
  const id = await editor.createConcept(title);
  await editor.write(PART, TEXT);
  await editor.expectSaved(PART);

  // The reviewer, without a mouse: Shift+arrows select "Sprachkurse", Strg+Alt+M opens the composer in the margin.
  await reviewerPage.goto(`/concepts/${id}`);
  const box = await reviewer.editor(PART);
  await box.press("Control+Home");
  for (let i = 0; i < "Die Stadt fördert ".length; i++) await box.press("ArrowRight");
  for (let i = 0; i < "Sprachkurse".length; i++) await box.press("Shift+ArrowRight");
  await box.press("Control+Alt+m");
  const composer = reviewerPage.getByRole("form", { name: `Kommentar zu „${PART}“` });
  await expect(composer.getByLabel("Textstelle")).toHaveValue("Sprachkurse");
  const field = composer.getByRole("textbox", { name: "Kommentar", exact: true });
  await expect(field).toBeFocused();
  const question = `Welche Träger? @Jonas Brandt ${Date.now()}`;
  await field.pressSequentially(question, { delay: 2 });
  await reviewerPage.keyboard.press("Tab");
  await expect(composer.getByRole("button", { name: "Kommentar speichern" })).toBeFocused();
  await reviewerPage.keyboard.press("Enter");
  // Sent: the thread stands beside the part and the focus is back in the text.
  const asked = margin(reviewerPage).getByTestId("thread").filter({ hasText: question });
  await expect(asked).toBeVisible();
  await expect(asked.locator("blockquote")).toHaveText("Sprachkurse");
  await expect(composer).toHaveCount(0);
  await expect(box).toBeFocused();
  const askedId = (await asked.getAttribute("data-thread-id"))!;

  // The editor sees it beside the part (no review page), and the outline counts it.
  await editorPage.reload();
  await expect(margin(editorPage).getByTestId("thread").filter({ hasText: question })).toBeVisible();
  const outlineEntry = editorPage.getByRole("navigation", { name: "Gliederung" }).locator("a", { hasText: PART });
  await expect(outlineEntry.getByTestId("outline-comments")).toContainText("1 offener Kommentar");

  // With the mouse: select "Neuzugewanderten", "Kommentieren" appears beside the selection.
  const text = await editor.editor(PART);
  await selectText(text, "Neuzugewanderten", { scroll: false });
  await editorPage.getByTestId("margin-offer").click();
  const own = editorPage.getByRole("form", { name: `Kommentar zu „${PART}“` });
  await expect(own.getByLabel("Textstelle")).toHaveValue("Neuzugewanderten");
  const note = `Begriff prüfen ${Date.now()}`;
  await own.getByRole("textbox", { name: "Kommentar", exact: true }).fill(note);
  await own.getByRole("button", { name: "Kommentar speichern" }).click();
  const noted = margin(editorPage).getByTestId("thread").filter({ hasText: note });
  await expect(noted).toBeVisible();
  await expect(outlineEntry.getByTestId("outline-comments")).toContainText("2 offene Kommentare");
  // Threads stand in the order of their passages.
  await expect(margin(editorPage).getByTestId("thread").locator("blockquote")).toHaveText(["Sprachkurse", "Neuzugewanderten"]);

  // Resolved, the thread folds away under "1 erledigter Kommentar"; the outline counts only open ones.
  const notedId = (await noted.getAttribute("data-thread-id"))!;
  await noted.getByRole("button", { name: "Als erledigt markieren" }).click();
  const fold = margin(editorPage).getByTestId("margin-resolved");
  await expect(fold.locator("summary")).toHaveText("1 erledigter Kommentar");
  await expect(editorPage.locator(`[data-thread-id="${notedId}"]`)).toBeHidden();
  // The focus does not fall to the page: it is on the fold the thread went into.
  await expect(fold.locator("summary")).toBeFocused();
  await expect(outlineEntry.getByTestId("outline-comments")).toContainText("1 offener Kommentar");

  // The colleague sees it on their page too.
  await reviewerPage.reload();
  await expect(margin(reviewerPage).getByTestId("thread").filter({ hasText: question })).toBeVisible();
  await expect(margin(reviewerPage).getByTestId("margin-resolved").locator("summary")).toHaveText("1 erledigter Kommentar");

  // The editor was mentioned: "Für mich" links to the thread on the concept page, which lands with the focus on it.
  await editorPage.goto("/aufgaben");
  await editorPage.getByTestId("inbox-mentions").getByRole("link", { name: title }).click();
  await expect(editorPage).toHaveURL(new RegExp(`/concepts/${id}#thread-${askedId}$`));
  await expect(editorPage.locator(`[data-thread-id="${askedId}"]`)).toBeFocused();
  await expect(editorPage.locator(`[data-thread-id="${askedId}"]`)).toBeInViewport();

  // A link to a resolved thread opens its fold first.
  await editorPage.goto(`/concepts/${id}#thread-${notedId}`);
  await expect(editorPage.locator(`[data-thread-id="${notedId}"]`)).toBeFocused();
  await expect(margin(editorPage).getByTestId("margin-resolved")).toHaveAttribute("open", "");

  // Escape closes the composer and returns to the text.
  const again = await editor.editor(PART);
  await selectText(again, "Stadt", { scroll: false });
  await editorPage.keyboard.press("Control+Alt+m");
  await expect(own).toBeVisible();
  await editorPage.keyboard.press("Escape");
  await expect(own).toHaveCount(0);
  await expect(again).toBeFocused();

  await expectNoViolations(editorPage, "der Konzeptseite mit Randkommentaren");

  await editorPage.context().close();
  await reviewerPage.context().close();
});

test("on a small screen (< 900 px) the threads stand below their part", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  const concept = new ConceptPage(page);
  const id = await concept.createConcept(`Randkommentare schmal ${Date.now()}`);
  await concept.write(PART, TEXT);
  await concept.expectSaved(PART);
  const text = await concept.editor(PART);
  await selectText(text, "Sprachkurse", { scroll: false });
  await page.getByTestId("margin-offer").click();
  const form = page.getByRole("form", { name: `Kommentar zu „${PART}“` });
  await form.getByRole("textbox", { name: "Kommentar", exact: true }).fill("Schmal geprüft.");
  await form.getByRole("button", { name: "Kommentar speichern" }).click();
  await expect(margin(page).getByTestId("thread")).toHaveCount(1);

  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`/concepts/${id}`);
  const part = await concept.editor(PART);
  const textBox = (await part.boundingBox())!;
  const threadBox = (await margin(page).getByTestId("thread").boundingBox())!;
  expect(threadBox.y).toBeGreaterThanOrEqual(textBox.y + textBox.height);
  // Nothing sticks out sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.context().close();
});

test("beside the text a thread stands level with its passage, also far down in a long part, and never over the thread before it", async ({ browser }) => {
  const page = await pageAs(browser, "editor");
  await page.setViewportSize({ width: 1440, height: 900 });
  const concept = new ConceptPage(page);
  const id = await concept.createConcept(`Randkommentare auf Höhe ${Date.now()}`);
  await concept.write(PART, "Erster Absatz über Sprachkurse.");
  const box = await concept.editor(PART);
  // Far enough apart that the first thread (a card with its answer field) does not reach the second passage.
  for (let i = 2; i <= 20; i++) {
    await box.press("End");
    await box.press("Enter");
    await box.pressSequentially(i === 20 ? "Letzter Absatz zur Wohnraumberatung." : `Absatz ${i} mit etwas Text.`, { delay: 1 });
  }
  await concept.expectSaved(PART);
  const comment = async (passage: string, note: string) => {
    await selectText(await concept.editor(PART), passage, { scroll: false });
    await page.getByTestId("margin-offer").click();
    const form = page.getByRole("form", { name: `Kommentar zu „${PART}“` });
    await form.getByRole("textbox", { name: "Kommentar", exact: true }).fill(note);
    await form.getByRole("button", { name: "Kommentar speichern" }).click();
    await expect(margin(page).getByTestId("thread").filter({ hasText: note })).toBeVisible();
  };
  await comment("Wohnraumberatung", "Welche Stelle berät?");
  await comment("Sprachkurse", "Welche Träger?");

  await page.goto(`/concepts/${id}`);
  await concept.editor(PART);
  const top = (passage: string) => textTop(page.locator("[data-margin-part] .margin-text").filter({ hasText: passage }).first(), passage);
  const threadTop = async (note: string) => (await margin(page).getByTestId("thread").filter({ hasText: note }).boundingBox())!.y;
  const [first, last] = [await top("Sprachkurse"), await top("Wohnraumberatung")];
  const firstCard = (await margin(page).getByTestId("thread").filter({ hasText: "Welche Träger?" }).boundingBox())!;
  expect(last - first, "the two passages are further apart than a thread is high").toBeGreaterThan(firstCard.height + 20);
  // Each thread is level with its passage (the card's top within a few pixels of the line).
  await expect.poll(async () => Math.abs((await threadTop("Welche Stelle berät?")) - last)).toBeLessThanOrEqual(8);
  expect(Math.abs((await threadTop("Welche Träger?")) - first)).toBeLessThanOrEqual(8);
  await page.context().close();
});
