"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardedAction, formObject, type ActionResult } from "@/lib/actions";
import { createConcept } from "@/lib/concepts/create";
import { archiveConcept, markConceptForDeletion, restoreConceptFromDeletion, unarchiveConcept } from "@/lib/concepts/lifecycle";
import { conceptTitleSchema } from "@/lib/concepts/schema";
import { z } from "@/lib/validation";

/** The input schema with its messages in the UI language. */
async function createSchema() {
  const t = await getTranslations("concepts");
  return z.object({
    municipalityId: z.string().uuid(t("chooseMunicipality")),
    title: conceptTitleSchema({ tooShort: t("titleTooShort"), tooLong: t("titleTooLong") }),
  });
}

export async function createConceptAction(_prev: ActionResult<string> | null, form: FormData) {
  const result = await guardedAction(await createSchema(), formObject(form), async (actor, data) => (await createConcept(actor, data)).id);
  if (result.ok) redirect(`/concepts/${result.data}`);
  return result;
}

const lifecycleSchema = z.object({ conceptId: z.string().uuid("Unbekanntes Konzept.") });
const deletionSchema = lifecycleSchema.extend({ confirm: z.string().optional() });

/** After a step the list shows where the concept went (a GET parameter, so the message survives the reload without JavaScript). */
function done(result: ActionResult<unknown>, conceptId: unknown, step: "archiviert" | "zurueckgeholt" | "vorgemerkt" | "wiederhergestellt") {
  if (result.ok) {
    revalidatePath("/concepts");
    redirect(`/concepts?erledigt=${step}&konzept=${encodeURIComponent(String(conceptId))}`);
  }
  return result as ActionResult;
}

export async function archiveConceptAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  return done(await guardedAction(lifecycleSchema, input, (actor, data) => archiveConcept(actor, data)), input.conceptId, "archiviert");
}

export async function unarchiveConceptAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  return done(await guardedAction(lifecycleSchema, input, (actor, data) => unarchiveConcept(actor, data)), input.conceptId, "zurueckgeholt");
}

export async function markConceptForDeletionAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  return done(await guardedAction(deletionSchema, input, (actor, data) => markConceptForDeletion(actor, { conceptId: data.conceptId, confirm: data.confirm })), input.conceptId, "vorgemerkt");
}

export async function restoreConceptAction(_prev: ActionResult | null, form: FormData) {
  const input = formObject(form);
  return done(await guardedAction(lifecycleSchema, input, (actor, data) => restoreConceptFromDeletion(actor, data)), input.conceptId, "wiederhergestellt");
}
