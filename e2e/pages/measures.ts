import { expect, type Locator, type Page } from "@playwright/test";

export type FundingValues = { source?: string; programme?: string; amount?: string; until?: string };
export type IndicatorValues = {
  name?: string;
  kind?: string;
  unit?: string;
  baseline?: string;
  target?: string;
  dataSource?: string;
  cadence?: string;
};

/** What the measure form can be filled with; select values are the visible German labels. */
export type MeasureValues = {
  title?: string;
  taskType?: string;
  leadOffice?: string;
  status?: string;
  startDate?: string;
  endDate?: string;
  priority?: string;
  staffFte?: string;
  materialCost?: string;
  subGoals?: string[];
  funding?: FundingValues[];
  indicators?: IndicatorValues[];
};

/** One field of action (Handlungsfeld) on the concept page: its Teilziele and Maßnahmen. */
export class FieldOfAction {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    readonly title: string,
  ) {
    this.root = page.getByRole("region", { name: new RegExp(`^\\d+\\.\\d+ ${title}$`) });
  }

  subGoal(number: number) {
    return this.root.getByRole("textbox", { name: `Teilziel ${number} – ${this.title}`, exact: true });
  }

  async addSubGoal(text: string) {
    const count = await this.root.getByRole("textbox", { name: new RegExp(`^Teilziel \\d+ – ${this.title}$`) }).count();
    await this.root.getByRole("textbox", { name: `Neues Teilziel für „${this.title}“` }).fill(text);
    await this.root.getByRole("button", { name: "Teilziel hinzufügen" }).click();
    await expect(this.subGoal(count + 1)).toHaveValue(text);
  }

  /** The cards of the saved measures, in display order. */
  cards() {
    return this.root.getByRole("article");
  }

  card(title: string) {
    return this.root.getByRole("article", { name: title, exact: true });
  }

  cardTitles() {
    return this.cards().getByRole("heading", { level: 5 });
  }

  /** Live region of the measure list ("Maßnahme gespeichert.", "… verschoben."). */
  notice() {
    return this.root.locator(".measures > .measures-status");
  }

  newMeasureForm() {
    return this.root.getByRole("form", { name: `Neue Maßnahme – ${this.title}` });
  }

  async openNewMeasure() {
    await this.root.getByRole("button", { name: "Maßnahme hinzufügen" }).click();
    const form = this.newMeasureForm();
    await expect(form).toBeVisible();
    await expect(form.getByRole("textbox", { name: "Titel", exact: true })).toBeFocused();
    return new MeasureForm(form);
  }

  async addMeasure(values: MeasureValues) {
    const form = await this.openNewMeasure();
    await form.fill(values);
    await form.save();
    await expect(this.card(values.title!)).toBeVisible();
  }
}

export class MeasureForm {
  constructor(readonly root: Locator) {}

  title() {
    return this.root.getByRole("textbox", { name: "Titel", exact: true });
  }
  select(label: string) {
    return this.root.getByRole("combobox", { name: label, exact: true });
  }
  text(label: string) {
    return this.root.getByRole("textbox", { name: label, exact: true });
  }
  date(label: string) {
    return this.root.getByLabel(label, { exact: true });
  }
  async fill(v: MeasureValues) {
    if (v.title !== undefined) await this.title().fill(v.title);
    if (v.taskType) await this.select("Aufgabenart").selectOption({ label: v.taskType });
    if (v.status) await this.select("Status").selectOption({ label: v.status });
    if (v.priority) await this.select("Priorität").selectOption({ label: v.priority });
    if (v.leadOffice !== undefined) await this.text("Federführung").fill(v.leadOffice);
    if (v.startDate !== undefined) await this.date("Beginn").fill(v.startDate);
    if (v.endDate !== undefined) await this.date("Ende").fill(v.endDate);
    if (v.staffFte !== undefined) await this.text("Personal (VZÄ)").fill(v.staffFte);
    if (v.materialCost !== undefined) await this.text("Sachkosten pro Jahr (EUR)").fill(v.materialCost);
    for (const goal of v.subGoals ?? []) await this.root.getByRole("checkbox", { name: goal }).check();
    for (const [i, f] of (v.funding ?? []).entries()) {
      await this.root.getByRole("button", { name: "Förderung hinzufügen" }).click();
      const row = this.root.getByRole("group", { name: `Förderung ${i + 1}`, exact: true });
      if (f.source) await row.getByRole("combobox", { name: "Quelle" }).selectOption({ label: f.source });
      if (f.programme !== undefined) await row.getByRole("textbox", { name: "Programm" }).fill(f.programme);
      if (f.amount !== undefined) await row.getByRole("textbox", { name: "Betrag pro Jahr (EUR)" }).fill(f.amount);
      if (f.until !== undefined) await row.getByLabel("bis", { exact: true }).fill(f.until);
    }
    for (const [i, ind] of (v.indicators ?? []).entries()) {
      await this.root.getByRole("button", { name: "Indikator hinzufügen" }).click();
      const row = this.root.getByRole("group", { name: `Indikator ${i + 1}`, exact: true });
      if (ind.name !== undefined) await row.getByRole("textbox", { name: "Name", exact: true }).fill(ind.name);
      if (ind.kind) await row.getByRole("combobox", { name: "Art" }).selectOption({ label: ind.kind });
      if (ind.unit !== undefined) await row.getByRole("textbox", { name: "Einheit" }).fill(ind.unit);
      if (ind.baseline !== undefined) await row.getByRole("textbox", { name: "Basiswert" }).fill(ind.baseline);
      if (ind.target !== undefined) await row.getByRole("textbox", { name: "Zielwert" }).fill(ind.target);
      if (ind.dataSource !== undefined) await row.getByRole("textbox", { name: "Datenquelle" }).fill(ind.dataSource);
      if (ind.cadence !== undefined) await row.getByRole("textbox", { name: "Erhebungsturnus" }).fill(ind.cadence);
    }
  }

  async save() {
    await this.root.getByRole("button", { name: "Speichern", exact: true }).click();
  }
}
