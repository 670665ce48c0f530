"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardedAction, formObject, type ActionResult } from "@/lib/actions";
import { createConcept } from "@/lib/concepts/create";
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
