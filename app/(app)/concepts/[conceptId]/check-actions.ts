"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction, type ActionResult } from "@/lib/actions";
import { acknowledgeFinding, MAX_REASON, withdrawAcknowledgement } from "@/lib/check/service";
import { z } from "@/lib/validation";

/*
 * "Bewusst so" for a Konzept-Check finding. Public endpoints: guardedAction
 * loads the session and parses the input; the service checks role (editors,
 * admins), municipality and that the finding exists now.
 */
const ackSchema = z.object({
  conceptId: z.string().min(1),
  findingKey: z.string().min(1).max(1000),
  reason: z
    .string({ error: "Bitte eine Begründung angeben." })
    .trim()
    .min(3, "Bitte kurz begründen, warum es bewusst so ist (mindestens 3 Zeichen).")
    .max(MAX_REASON, `Höchstens ${MAX_REASON} Zeichen.`),
});
const withdrawSchema = z.object({ conceptId: z.string().min(1), findingKey: z.string().min(1).max(1000) });

export async function acknowledgeFindingAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(ackSchema, input, async (actor, data) => void (await acknowledgeFinding(actor, data)), "Als „bewusst so“ markiert.");
  if (result.ok) revalidatePath(`/concepts/${String(input.conceptId)}`);
  return result;
}

export async function withdrawAcknowledgementAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  const result = await guardedAction(withdrawSchema, input, async (actor, data) => void (await withdrawAcknowledgement(actor, data)), "Markierung „bewusst so“ zurückgenommen.");
  if (result.ok) revalidatePath(`/concepts/${String(input.conceptId)}`);
  return result;
}
