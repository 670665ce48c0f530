import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

/** The clipboard HTML exactly as Word 365 hands it to the browser (tests/fixtures/paste/README.md). */
const word = readFileSync(path.join("tests", "fixtures", "paste", "word365-alignment.html"), "utf8");

test("pasting from Word keeps centred, right-aligned and justified text and the table's header row; the toolbar shows and changes the alignment", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Einfügen aus Word mit Ausrichtung");
  const box = await conceptPage.editor("Monitoring und Evaluation");
  await box.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    data.setData("text/plain", "Sprachförderung im Quartier");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, word);

  const centred = box.getByText("Zentriert: Angebote für Neuzugewanderte");
  await expect(centred).toHaveCSS("text-align", "center");
  await expect(box.getByRole("heading", { name: "Sprachförderung im Quartier" })).toHaveCSS("text-align", "center");
  await expect(box.getByText("Rechtsbündig: Stand März 2026")).toHaveCSS("text-align", "right");
  await expect(box.getByText(/^Blocksatz:/)).toHaveCSS("text-align", "justify");
  await expect(box.getByText(/^Linksbündig:/)).toHaveCSS("text-align", "start");
  // The header row stays a header row; the centred cell stays centred; no Word markup, no style attribute.
  await expect(box.locator("th")).toHaveText(["Maßnahme", "Zeitraum", "Kosten"]);
  await expect(box.locator("td p").filter({ hasText: "2026–2028" })).toHaveCSS("text-align", "center");
  expect(await box.innerHTML()).not.toMatch(/Mso|mso-|text-align:|<span|<font|&nbsp;&nbsp;/);

  // The toolbar knows the alignment of the paragraph with the caret, and changes it.
  const toolbar = page.getByRole("toolbar", { name: "Formatierung: Monitoring und Evaluation", exact: true });
  await centred.click();
  await expect(toolbar.getByRole("button", { name: "Zentriert" })).toHaveAttribute("aria-pressed", "true");
  await expect(toolbar.getByRole("button", { name: "Linksbündig" })).toHaveAttribute("aria-pressed", "false");
  await toolbar.getByRole("button", { name: "Rechtsbündig" }).click();
  await expect(centred).toHaveCSS("text-align", "right");
  await conceptPage.expectSaved("Monitoring und Evaluation");

  // Stored and shown again after a reload (the static HTML of the part, then the editor).
  await page.reload();
  const part = page.locator("#kapitel-monitoring");
  await expect(part.getByText("Zentriert: Angebote für Neuzugewanderte")).toHaveCSS("text-align", "right");
  await expect(part.getByText(/^Blocksatz:/)).toHaveCSS("text-align", "justify");
  await expect(part.locator("th")).toHaveText(["Maßnahme", "Zeitraum", "Kosten"]);
});

test("the alignment buttons are reachable with the keyboard: Alt+F10 from the text, arrow keys, Enter sets the alignment and returns to the text", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Ausrichtung mit der Tastatur");
  const label = "Finanzierung";
  const box = await conceptPage.write(label, "Ein Absatz in der Mitte");
  const toolbar = page.getByRole("toolbar", { name: `Formatierung: ${label}`, exact: true });
  const centre = toolbar.getByRole("button", { name: "Zentriert" });
  await page.keyboard.press("Alt+F10");
  for (let i = 0; i < 12 && !(await centre.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowRight");
  await expect(centre).toBeFocused();
  await expect(centre).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Enter");
  await expect(box).toBeFocused();
  await expect(box.getByText("Ein Absatz in der Mitte")).toHaveCSS("text-align", "center");
  await expect(centre).toHaveAttribute("aria-pressed", "true");
  await conceptPage.expectSaved(label);
});
