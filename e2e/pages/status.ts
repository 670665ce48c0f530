import { expect, type Page } from "@playwright/test";

/** On a concept's Versionen page: from Entwurf through every step of the status path to Beschlossen with a council decision. */
export async function adoptThroughStatusPath(admin: Page, decision: { date: string; reference: string }) {
  const select = admin.getByLabel("Neuer Status");
  for (const step of ["Ressortabstimmung", "Beteiligung", "Beschlussvorlage"]) {
    await select.selectOption({ label: step });
    await admin.getByRole("button", { name: "Status ändern" }).click();
    await expect(admin.getByText(`Status „${step}“ gesetzt`)).toBeVisible();
  }
  await select.selectOption({ label: "Beschlossen" });
  await admin.getByLabel("Datum des Ratsbeschlusses").fill(decision.date);
  await admin.getByLabel("Aktenzeichen / Drucksache").fill(decision.reference);
  await admin.getByRole("button", { name: "Status ändern" }).click();
  await expect(admin.getByText("Status „Beschlossen“ gesetzt")).toBeVisible();
}
