/**
 * Änderungsvorschläge (issue 13) in two browsers: the reviewer types in
 * Vorschlagsmodus, the editor sees the proposals live and accepts one and
 * rejects one; the text as it stands is what was accepted; adoption is
 * refused while a proposal is open (through the JSON API).
 */
import fs from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { expect, pageAs, test } from "./fixtures";
import type { Browser, Locator } from "@playwright/test";
import { ConceptPage } from "./pages/concept";
import { pageTexts } from "./pdf-read";
import { expectNoViolations } from "./support/axe";

/** The editor's text as written, without the other people's carets and names shown in it. */
const textOf = (editor: Locator) =>
  editor.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collab-caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

/**
 * An editor writes "Die Stadt fördert Sprachkurse." into a new concept's first part; a reviewer opens it
 * and has that part's editor (in Vorschlagsmodus).
 */
async function proposalSetting(browser: Browser, title: string) {
  const editorPage = await pageAs(browser, "editor");
  const reviewerPage = await pageAs(browser, "reviewer");
  const editor = new ConceptPage(editorPage);
  const reviewer = new ConceptPage(reviewerPage);
  const id = await editor.createConcept(title);
  await editor.write("Anlass und Auftrag", "Die Stadt fördert Sprachkurse.");
  await editor.expectSaved("Anlass und Auftrag");
  await reviewerPage.goto(`/concepts/${id}`);
  const box = await reviewer.editor("Anlass und Auftrag");
  return { id, editorPage, reviewerPage, editor, reviewer, box };
}

test("a reviewer proposes an insertion and a deletion; the editor sees both live, accepts one and rejects the other", async ({ browser }) => {
  const { id, editorPage, reviewerPage, editor, reviewer, box } = await proposalSetting(browser, "Vorschläge im Text");
  // The text before the review, as a version: the comparison below shows what the decisions changed.
  const before = await editorPage.request.post(`/api/concepts/${id}/versions`, { data: { label: "Vor der Prüfung" }, headers: { Origin: new URL(editorPage.url()).origin } });
  expect(before.status()).toBe(201);
  const { number } = (await before.json()) as { number: number };
  // The page's toolbar says so, for the part being written (the mode is not a bar inside each part: issue 17).
  await expect(reviewerPage.getByTestId("shared-toolbar").getByTestId("suggest-mode-label")).toContainText("Vorschlagsmodus");
  await box.press("Control+End");
  await box.pressSequentially(" Auch für Eltern.", { delay: 5 });
  await expect(reviewerPage.getByRole("toolbar", { name: "Formatierung: Anlass und Auftrag", exact: true })).toBeVisible();
  await reviewer.expectSaved("Anlass und Auftrag");
  // Delete "Sprachkurse" by keyboard: in Vorschlagsmodus it stays, struck through.
  await box.press("Home");
  for (let i = 0; i < "Die Stadt fördert ".length; i++) await box.press("ArrowRight");
  for (let i = 0; i < "Sprachkurse".length; i++) await box.press("Shift+ArrowRight");
  await box.press("Backspace");
  await reviewer.expectSaved("Anlass und Auftrag");

  const part = editorPage.locator("#kapitel-mandate");
  await expect(part.locator(".prose-editor ins.suggestion-ins")).toContainText("Auch für Eltern.");
  await expect(part.locator(".prose-editor del.suggestion-del")).toHaveText("Sprachkurse");
  const list = part.getByTestId("suggestion-list");
  await expect(list.getByRole("heading")).toHaveText("2 offene Änderungsvorschläge");
  // The page with open proposals in the text and in the list: nothing for axe.
  await expectNoViolations(editorPage, "der Konzeptseite mit offenen Vorschlägen");
  await list.locator("li", { hasText: "Auch für Eltern." }).getByRole("button", { name: "Annehmen" }).click();
  await expect(part.locator(".prose-editor ins.suggestion-ins")).toHaveCount(0);
  await list.locator("li", { hasText: "Sprachkurse" }).getByRole("button", { name: "Ablehnen" }).click();
  await expect(part.locator(".prose-editor del.suggestion-del")).toHaveCount(0);
  await expect(part.getByTestId("suggestion-list")).toHaveCount(0);
  await expect.poll(() => textOf(part.locator(".prose-editor"))).toBe("Die Stadt fördert Sprachkurse. Auch für Eltern.");
  await expect.poll(() => textOf(reviewerPage.locator("#kapitel-mandate .prose-editor"))).toBe("Die Stadt fördert Sprachkurse. Auch für Eltern.");

  const decided = await (await editorPage.request.get(`/api/concepts/${id}/suggestions`)).json();
  expect(decided.open).toEqual([]);
  expect(decided.decided.map((d: { status: string }) => d.status)).toEqual(["accepted", "rejected"]);
  // The comparison with the version before the review: the accepted insertion is new text, the rejected deletion changed nothing.
  await editorPage.goto(`/concepts/${id}/versionen/vergleich?von=${number}&bis=entwurf`);
  await expect(editorPage.locator("main ins", { hasText: "Auch für Eltern." }).first()).toBeVisible();
  await expect(editorPage.locator("main del", { hasText: "Sprachkurse" })).toHaveCount(0);
  await editorPage.context().close();
  await reviewerPage.context().close();
});

test("the Word download carries the open proposals as tracked changes; the editor then accepts all proposals of a part at once", async ({ browser, baseURL }, testInfo) => {
  const { id, editorPage, reviewerPage, editor, reviewer, box } = await proposalSetting(browser, "Vorschläge gesammelt");
  await box.press("Control+End");
  await box.pressSequentially(" Auch für Eltern.", { delay: 5 });
  await reviewer.expectSaved("Anlass und Auftrag");
  await box.press("Control+Home");
  await box.pressSequentially("Neu: ", { delay: 5 });
  await reviewer.expectSaved("Anlass und Auftrag");

  const part = editorPage.locator("#kapitel-mandate");
  const list = part.getByTestId("suggestion-list");
  await expect(list.getByRole("heading")).toHaveText("2 offene Änderungsvorschläge");

  await editor.openExport();
  await editorPage.getByLabel(/Offene Änderungsvorschläge als Anhang/).check();
  const downloading = editorPage.waitForEvent("download");
  await editorPage.getByRole("button", { name: "Word (DOCX)" }).click();
  const file = testInfo.outputPath("vorschlaege.docx");
  await (await downloading).saveAs(file);
  const xml = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))["word/document.xml"]!);
  const insertions = [...xml.matchAll(/<w:ins\b[^>]*w:author="([^"]+)"[^>]*>([\s\S]*?)<\/w:ins>/g)];
  expect(insertions).toHaveLength(2);
  expect(insertions.map((m) => m[2]).join("")).toContain("Auch für Eltern.");
  expect(insertions.every((m) => m[1] !== "Unbekannt")).toBe(true);

  // The PDF, read back: without the annex it prints the text as it stands (no open proposal); with it, the annex lists them.
  const pdf = async (query: string, name: string) => {
    const res = await editorPage.request.get(`/api/concepts/${id}/export.pdf${query}`);
    expect(res.status()).toBe(200);
    const file = testInfo.outputPath(name);
    fs.writeFileSync(file, await res.body());
    return pageTexts(file).join("\n").replace(/[\u2068\u2069\u00ad]/g, "").replace(/\s+/g, " ");
  };
  const plain = await pdf("", "ohne-anhang.pdf");
  expect(plain).toContain("Die Stadt fördert Sprachkurse.");
  expect(plain).not.toContain("Auch für Eltern.");
  expect(plain).not.toContain("Offene Änderungsvorschläge");
  const annexed = await pdf("?suggestions=1", "mit-anhang.pdf");
  expect(annexed).toContain("Offene Änderungsvorschläge");
  expect(annexed).toContain("Auch für Eltern.");

  await part.getByTestId("suggestion-bulk").getByRole("button", { name: "Alle in diesem Teil annehmen" }).click();
  await expect(part.locator(".prose-editor ins.suggestion-ins")).toHaveCount(0);
  await expect(part.getByTestId("suggestion-list")).toHaveCount(0);
  await expect.poll(() => textOf(part.locator(".prose-editor"))).toBe("Neu: Die Stadt fördert Sprachkurse. Auch für Eltern.");
  await expect.poll(() => textOf(reviewerPage.locator("#kapitel-mandate .prose-editor"))).toBe("Neu: Die Stadt fördert Sprachkurse. Auch für Eltern.");

  const decided = await (await editorPage.request.get(`/api/concepts/${id}/suggestions`)).json();
  expect(decided.open).toEqual([]);
  expect(decided.decided.map((d: { status: string }) => d.status)).toEqual(["accepted", "accepted"]);
  // Nothing left: a second bulk call is a 404 with a German reason.
  const again = await editorPage.request.post(`/api/concepts/${id}/suggestions/reject-all`, { data: { authorId: decided.decided[0].author.id }, headers: { Origin: baseURL! } });
  expect(again.status()).toBe(404);
  await editorPage.context().close();
  await reviewerPage.context().close();
});

test("a proposal is answered like a comment thread before it is decided", async ({ browser }) => {
  const { editorPage, reviewerPage, editor, reviewer, box } = await proposalSetting(browser, "Vorschlag mit Antwort");
  await box.press("Control+End");
  await box.pressSequentially(" Auch für Eltern.", { delay: 5 });
  await reviewer.expectSaved("Anlass und Auftrag");

  const reviewerItem = reviewerPage.locator("#kapitel-mandate").getByTestId("suggestion-list").locator("li", { hasText: "Auch für Eltern." });
  await reviewerItem.getByRole("textbox", { name: "Auf den Vorschlag antworten" }).fill("Gilt das auch für Großeltern?");
  await reviewerItem.getByRole("button", { name: "Antworten" }).click();
  await expect(reviewerItem.getByTestId("suggestion-replies")).toContainText("Gilt das auch für Großeltern?");

  await editorPage.reload();
  const editorItem = editorPage.locator("#kapitel-mandate").getByTestId("suggestion-list").locator("li", { hasText: "Auch für Eltern." });
  await (await editor.editor("Anlass und Auftrag")).click();
  await expect(editorItem.getByTestId("suggestion-replies")).toContainText("Gilt das auch für Großeltern?");
  await editorItem.getByRole("textbox", { name: "Auf den Vorschlag antworten" }).fill("Ja, ergänze ich.");
  await editorItem.getByRole("button", { name: "Antworten" }).click();
  await expect(editorItem.getByTestId("suggestion-replies")).toContainText("Ja, ergänze ich.");
  await editorPage.context().close();
  await reviewerPage.context().close();
});

test("three people: a reviewer proposes bold for a word; the editor and an admin see it live, the admin accepts it and everybody has the bold word", async ({ browser }) => {
  const editorPage = await pageAs(browser, "editor");
  const reviewerPage = await pageAs(browser, "reviewer");
  const adminPage = await pageAs(browser, "admin");
  const editor = new ConceptPage(editorPage);
  const reviewer = new ConceptPage(reviewerPage);
  const admin = new ConceptPage(adminPage);
  const id = await editor.createConcept("Formatierung vorschlagen");
  await editor.write("Anlass und Auftrag", "Die Stadt fördert Sprachkurse.");
  await editor.expectSaved("Anlass und Auftrag");
  await Promise.all([reviewerPage.goto(`/concepts/${id}`), adminPage.goto(`/concepts/${id}`)]);
  await admin.editor("Anlass und Auftrag");

  // Select "Sprachkurse" with the keyboard and press Ctrl+B: in Vorschlagsmodus the word is proposed in bold.
  const box = await reviewer.editor("Anlass und Auftrag");
  await box.press("Control+Home");
  for (let i = 0; i < "Die Stadt fördert ".length; i++) await box.press("ArrowRight");
  for (let i = 0; i < "Sprachkurse".length; i++) await box.press("Shift+ArrowRight");
  await box.press("Control+b");
  await reviewer.expectSaved("Anlass und Auftrag");

  for (const page of [editorPage, adminPage]) {
    const text = page.locator("#kapitel-mandate .prose-editor");
    await expect(text.locator("del.suggestion-del")).toHaveText("Sprachkurse");
    await expect(text.locator("ins.suggestion-ins")).toHaveText("Sprachkurse");
    await expect(text.locator("strong", { hasText: "Sprachkurse" })).toHaveCount(1);
    await expect(page.locator("#kapitel-mandate").getByTestId("suggestion-list").getByRole("heading")).toHaveText("1 offener Änderungsvorschlag");
  }
  await adminPage.locator("#kapitel-mandate").getByTestId("suggestion-list").getByRole("button", { name: "Annehmen", exact: true }).click();
  for (const page of [editorPage, reviewerPage, adminPage]) {
    const text = page.locator("#kapitel-mandate .prose-editor");
    await expect(text.locator("ins.suggestion-ins, del.suggestion-del")).toHaveCount(0);
    await expect(text.locator("strong")).toHaveText("Sprachkurse");
    await expect.poll(() => textOf(text)).toBe("Die Stadt fördert Sprachkurse.");
  }
  const stored = await (await adminPage.request.get(`/api/concepts/${id}`)).json();
  type Node = { type: string; text?: string; marks?: { type: string }[]; content?: Node[] };
  const texts = (n: Node): Node[] => (n.type === "text" ? [n] : (n.content ?? []).flatMap(texts));
  expect(texts(stored.chapters.mandate.text.content).map((n) => [n.text, (n.marks ?? []).map((m) => m.type).join(",")])).toEqual([
    ["Die Stadt fördert ", ""],
    ["Sprachkurse", "bold"],
    [".", ""],
  ]);
  for (const page of [editorPage, reviewerPage, adminPage]) await page.context().close();
});
