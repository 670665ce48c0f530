import { expect, type Page } from "@playwright/test";

/** /mitglieder: the member table, invitations. */
export class MembersPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Mitglieder" }).click();
    await expect(this.page).toHaveURL(/\/mitglieder$/);
    await expect(this.page.getByRole("heading", { level: 1, name: "Mitglieder" })).toBeVisible();
  }

  memberTable() {
    return this.page.getByRole("table", { name: /^Mitglieder von / });
  }

  memberRow(email: string) {
    return this.memberTable().getByRole("row").filter({ hasText: email });
  }

  /** Invite an address with a role (German label); returns the one-time invitation link. */
  async invite(email: string, role: string) {
    const section = this.page.getByRole("region", { name: "Person einladen" });
    await section.getByRole("textbox", { name: "E-Mail-Adresse" }).fill(email);
    await section.getByRole("combobox", { name: "Rolle", exact: true }).selectOption({ label: role });
    await section.getByRole("button", { name: "Einladung erstellen" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Die Einladung ist erstellt." })).toBeVisible();
    const link = section.getByRole("textbox", { name: `Einladungslink für ${email}` });
    await expect(link).toHaveValue(/\/einladung\/[A-Za-z0-9_-]{43}$/);
    return link.inputValue();
  }

  async changeRole(name: string, role: string) {
    await this.page.getByRole("combobox", { name: `Rolle von ${name}` }).selectOption({ label: role });
    await this.page.getByRole("button", { name: `Rolle speichern für ${name}` }).click();
    await expect(this.page.getByRole("status").filter({ hasText: "Die Rolle ist geändert." })).toBeVisible();
  }

  /** Remove a member, accepting the confirmation; returns the question that was asked. */
  async remove(name: string) {
    let question = "";
    this.page.once("dialog", (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await this.page.getByRole("button", { name: `Entfernen (${name})` }).click();
    await expect(this.page.getByRole("button", { name: `Entfernen (${name})` })).toHaveCount(0);
    return question;
  }
}
