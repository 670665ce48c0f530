"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction, type ActionResult } from "@/lib/actions";
import { assignPlace, assignSchema, placeSchema, unassignPlace } from "@/lib/concepts/assignments";

/*
 * Responsibilities for chapters and fields of action. Public endpoints:
 * guardedAction loads the session and parses the input; the service checks role
 * (admins anyone, editors only themselves), municipality, concept status, the
 * place and the person.
 */
export async function assignAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(assignSchema, input, async (actor, data) => void (await assignPlace(actor, data)), "Zuständigkeit eingetragen.");
  if (result.ok) {
    revalidatePath(`/concepts/${String(input.conceptId)}`);
    revalidatePath("/aufgaben");
  }
  return result;
}

export async function unassignAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(placeSchema, input, async (actor, data) => void (await unassignPlace(actor, data)), "Zuständigkeit aufgehoben.");
  if (result.ok) {
    revalidatePath(`/concepts/${String(input.conceptId)}`);
    revalidatePath("/aufgaben");
  }
  return result;
}
