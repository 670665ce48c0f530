import { expect, test } from "./fixtures";

/**
 * Issues 15 and 17: one formatting toolbar for the part being written, sticky above the
 * parts, instead of a toolbar in every part; so a part keeps its box when its static
 * text becomes an editor, and the text inside does not move.
 */
test("a part keeps its height and its text stays in place when the editor takes over; the page's one toolbar follows the focused part and stays in view", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Kein Springen beim Schreiben");
  const label = "Forderungen an Land und Bund";
  const box = await conceptPage.write(label, "Erster Absatz.");
  // An empty paragraph in the middle: one line high in the editor, and so in the static text.
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Dritter Absatz mit einer Tabelle darunter.");
  await page.getByRole("toolbar", { name: `Formatierung: ${label}`, exact: true }).getByRole("button", { name: "Tabelle einfügen" }).click();
  await page.keyboard.type("Kennzahl");
  await expect(box.locator("table")).toHaveCount(1);
  await conceptPage.expectSaved(label);

  // After a reload the last chapter is far below: static HTML until it is reached.
  await page.reload();
  const part = page.locator(".section-editor", { has: page.getByRole("textbox", { name: label, exact: true }) });
  await expect(part).toHaveAttribute("data-live", "false");
  const measure = () =>
    part.evaluate((el) => {
      const top = el.getBoundingClientRect().top;
      const text = el.querySelector(".rich-text")!;
      return {
        part: el.getBoundingClientRect().height,
        text: text.getBoundingClientRect().height,
        paragraphs: [...text.querySelectorAll("p")].map((p) => Math.round(p.getBoundingClientRect().top - top)),
        table: Math.round(text.querySelector("table")!.getBoundingClientRect().top - top),
      };
    });
  const before = await measure();
  expect(before.paragraphs.length).toBeGreaterThanOrEqual(3);

  const live = await conceptPage.editor(label);
  await expect(part).toHaveAttribute("data-live", "true");
  await expect(live).toBeFocused();
  const after = await measure();
  expect(Math.abs(after.part - before.part), "Höhe des Teils").toBeLessThanOrEqual(1);
  expect(Math.abs(after.text - before.text), "Höhe des Textfelds").toBeLessThanOrEqual(1);
  expect(after.paragraphs.slice(0, 3), "die Absätze bleiben, wo sie waren").toEqual(before.paragraphs.slice(0, 3));
  expect(Math.abs(after.table - before.table)).toBeLessThanOrEqual(1);

  // No part has a toolbar of its own; the page's toolbar is in view, named after the part being written.
  await expect(page.locator(".section-editor [role='toolbar']")).toHaveCount(0);
  const toolbar = page.getByRole("toolbar", { name: `Formatierung: ${label}`, exact: true });
  await expect(toolbar).toBeInViewport();
  await expect(page.getByTestId("shared-toolbar")).toContainText(label);

  // Another part takes the toolbar over.
  await conceptPage.editor("Anlass und Auftrag");
  await expect(page.getByRole("toolbar", { name: "Formatierung: Anlass und Auftrag", exact: true })).toBeInViewport();
  await expect(toolbar).toHaveCount(0);
});

test("before any part is chosen the toolbar is there, with every button disabled and no Tab stop", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Symbolleiste ohne Teil");
  const idle = page.getByRole("toolbar", { name: "Formatierung: kein Text ausgewählt", exact: true });
  await expect(idle).toBeVisible();
  await expect(idle.getByRole("button")).toHaveCount(12);
  for (const b of await idle.getByRole("button").all()) await expect(b).toBeDisabled();
  await expect(page.getByTestId("shared-toolbar")).toContainText("Alt+F10");
  const height = (await page.getByTestId("shared-toolbar").boundingBox())!.height;
  await conceptPage.editor("Anlass und Auftrag");
  await expect(page.getByRole("toolbar", { name: "Formatierung: Anlass und Auftrag", exact: true }).getByRole("button", { name: "Fett" })).toBeEnabled();
  expect((await page.getByTestId("shared-toolbar").boundingBox())!.height, "die Leiste behält ihre Höhe").toBeCloseTo(height, 0);
});
