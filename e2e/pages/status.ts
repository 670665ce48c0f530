import { expect, type Page } from "@playwright/test";

/** On a concept's Versionen page: choose a status, then confirm it in the inline confirmation. */
export async function changeStatusOnVersionsPage(admin: Page, step: string, decision?: { date: string; reference: string }) {
  await admin.getByLabel("Neuer Status").selectOption({ label: step });
  await admin.getByRole("button", { name: "Status ändern" }).click();
  if (decision) {
    await admin.getByLabel("Datum des Ratsbeschlusses").fill(decision.date);
    await admin.getByLabel("Aktenzeichen / Drucksache").fill(decision.reference);
  }
  await admin.getByRole("button", { name: `Ja, Status „${step}“ setzen` }).click();
  await expect(admin.getByText(`Status „${step}“ gesetzt`)).toBeVisible();
}

/** On a concept's Versionen page: from Entwurf through every step of the status path to Beschlossen with a council decision. */
export async function adoptThroughStatusPath(admin: Page, decision: { date: string; reference: string }) {
  for (const step of ["Ressortabstimmung", "Beteiligung", "Beschlussvorlage"]) await changeStatusOnVersionsPage(admin, step);
  await changeStatusOnVersionsPage(admin, "Beschlossen", decision);
}
