"use server";
import { redirect } from "next/navigation";
import { guardedAction, formObject, type ActionResult } from "@/lib/actions";
import { createConcept } from "@/lib/concepts/create";
import { z } from "@/lib/validation";

const createSchema = z.object({
  municipalityId: z.string().uuid("Bitte wählen Sie eine Kommune."),
  title: z
    .string()
    .trim()
    .min(3, "Der Titel muss mindestens 3 Zeichen lang sein.")
    .max(200, "Der Titel darf höchstens 200 Zeichen lang sein."),
});

export async function createConceptAction(_prev: ActionResult<string> | null, form: FormData) {
  const result = await guardedAction(createSchema, formObject(form), async (actor, data) => (await createConcept(actor, data)).id);
  if (result.ok) redirect(`/concepts/${result.data}`);
  return result;
}
