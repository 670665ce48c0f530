import { expect, test } from "./fixtures";

test("the header switches the interface to English and back; the choice is kept in the NEXT_LOCALE cookie", async ({ editorPage: page }) => {
  await page.goto("/concepts");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integrationskonzepte – Musterstadt");
  const locale = async () => (await page.context().cookies()).find((c) => c.name === "NEXT_LOCALE")?.value;

  const languages = page.getByRole("group", { name: "Sprache / Language" });
  await expect(languages.getByRole("button", { name: "Deutsch" })).toHaveAttribute("aria-pressed", "true");
  await languages.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integration concepts – Musterstadt");
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Integration concepts", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "New integration concept" })).toBeVisible();
  await expect(languages.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  expect(await locale()).toBe("en");

  // Kept on the next page load.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integration concepts – Musterstadt");

  await languages.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Integrationskonzepte – Musterstadt");
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Integrationskonzepte", exact: true })).toBeVisible();
  expect(await locale()).toBe("de");
});
