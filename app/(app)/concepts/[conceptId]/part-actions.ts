"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction, type ActionResult } from "@/lib/actions";
import { markPartDone, unmarkPartDone } from "@/lib/concepts/part-marks";
import { z } from "@/lib/validation";

/*
 * "Fertig" marks of a concept's parts. Public endpoints: guardedAction loads the
 * session and parses the input; the service checks role (editors, admins),
 * municipality, the concept's status and that the part exists.
 */
const partSchema = z.object({
  conceptId: z.string().min(1),
  chapter: z.string().min(1, "Bitte ein Kapitel angeben.").max(100),
  part: z.string().min(1, "Bitte einen Teil angeben.").max(100),
  fieldId: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v : null)),
});

export async function markPartDoneAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(partSchema, input, async (actor, data) => void (await markPartDone(actor, data)), "Als fertig markiert.");
  if (result.ok) revalidatePath(`/concepts/${String(input.conceptId)}`);
  return result;
}

export async function unmarkPartDoneAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(partSchema, input, async (actor, data) => void (await unmarkPartDone(actor, data)), "Markierung „fertig“ zurückgenommen.");
  if (result.ok) revalidatePath(`/concepts/${String(input.conceptId)}`);
  return result;
}
