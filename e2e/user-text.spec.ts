import { expect, pageAs, test } from "./fixtures";
import { ConceptPage } from "./pages/concept";
import { FieldOfAction } from "./pages/measures";
import { MembersPage } from "./pages/members";
import type { Page } from "@playwright/test";

/** The page is no wider than the window: nothing a user wrote pushes it sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `Seite ist ${scrollWidth - innerWidth} px breiter als das Fenster`).toBeLessThanOrEqual(innerWidth);
}

test("typing *Wort*, _Wort_ and **x** keeps the characters; Strg+B still makes bold", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept("Konzept E2E Sternchen");
  const typed = "Fußnote *Wort* und _Wort_ sowie **x** und ~~y~~ ";
  const box = await conceptPage.write("Anlass und Auftrag", typed);
  await expect(box).toContainText(typed.trim());
  await expect(box.locator("em, strong, s")).toHaveCount(0);
  await box.press("Control+b");
  await box.pressSequentially("fett", { delay: 5 });
  await expect(box.locator("strong")).toHaveText("fett");
  await conceptPage.expectSaved("Anlass und Auftrag");
  await page.reload();
  const part = page.locator("#kapitel-mandate");
  await expect(part).toContainText(typed.trim());
  await expect(part.locator(".ProseMirror em, .ProseMirror s")).toHaveCount(0);
});

test("very long words, links and addresses wrap: concept page, measure and members page stay as wide as the window", async ({ browser }) => {
  const stamp = Date.now();
  const word = "Integrationsmaßnahmenverwaltungsdatensatz".repeat(1_400); // 57,400 characters, no break opportunity
  const longTitle = "Sprachförderungskoordinationsstellenleitungsbeauftragtenkonferenz".repeat(2);
  const mail = `${"a".repeat(64)}@${"b".repeat(60)}.${"c".repeat(59)}.${"d".repeat(59)}.example`;
  expect(mail.length).toBe(253);
  // The measure form allows 200 characters per line: an unbroken address of 190 (no hyphen to break at).
  const office = `integrationsbuero@${"amtfuerintegrationundvielfalt".repeat(7)}`.slice(0, 182) + ".example";

  const admin = await pageAs(browser, "admin");
  const concept = new ConceptPage(admin);
  await concept.createConcept(`E2E ${longTitle} ${stamp}`);
  const box = await concept.editor("Anlass und Auftrag");
  await box.press("Control+End");
  await admin.keyboard.insertText(`Wort: ${word} Adresse: ${mail} Link: https://www.musterstadt.example/${"integration/".repeat(30)}`);
  await concept.expectSaved("Anlass und Auftrag");

  const field = new FieldOfAction(admin, "Sprache");
  const form = await field.openNewMeasure();
  await form.fill({ title: `Maßnahme ${longTitle}`, taskType: "Freiwillige Aufgabe", leadOffice: office });
  await form.text("Kooperationspartner").fill([`Partner ${longTitle}`, office].join("\n"));
  await form.save();
  await expect(field.card(`Maßnahme ${longTitle}`)).toBeVisible();

  await admin.reload();
  await expect(admin.locator("#kapitel-mandate")).toContainText("Integrationsmaßnahmenverwaltungsdatensatz");
  await expect(field.card(`Maßnahme ${longTitle}`)).toContainText(office);
  await expectNoSidewaysScroll(admin);

  const members = new MembersPage(admin);
  await members.open();
  await members.invite(mail, "Redaktion");
  await admin.reload();
  await expect(admin.getByRole("table", { name: "Offene Einladungen" })).toContainText(mail);
  await expectNoSidewaysScroll(admin);
  await admin.context().close();
});

test("a right-to-left override in one partner does not mirror the next one; each partner is its own list item", async ({ conceptPage }) => {
  const page = conceptPage.page;
  await conceptPage.createConcept(`Konzept E2E Bidi ${Date.now()}`);
  const field = new FieldOfAction(page, "Sprache");
  const form = await field.openNewMeasure();
  await form.fill({ title: "Sprachcafé", taskType: "Freiwillige Aufgabe" });
  await form.text("Kooperationspartner").fill("Verein \u202eenie\nPartner zwei");
  await form.save();
  const card = field.card("Sprachcafé");
  const partners = card.locator(".measure-fact", { hasText: "Kooperationspartner" }).getByRole("listitem");
  await expect(partners).toHaveText(["Verein \u202eenie", "Partner zwei"]);
  // The second partner is laid out left to right: its first letter is left of its last.
  const second = partners.nth(1).locator("bdi");
  const order = await second.evaluate((el) => {
    const range = document.createRange();
    const text = el.firstChild!;
    range.setStart(text, 0);
    range.setEnd(text, 1);
    const first = range.getBoundingClientRect().left;
    range.setStart(text, text.textContent!.length - 1);
    range.setEnd(text, text.textContent!.length);
    return { first, last: range.getBoundingClientRect().left };
  });
  expect(order.first).toBeLessThan(order.last);
});
