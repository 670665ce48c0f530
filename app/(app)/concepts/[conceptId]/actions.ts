"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { guardedAction } from "@/lib/actions";
import { addCustomField, removeCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { conceptTitleSchema, fieldTitleSchema } from "@/lib/concepts/schema";
import { z } from "@/lib/validation";

const conceptId = z.string().uuid();

export async function saveSettingsAction(input: { conceptId: string; title?: string; settings?: Record<string, unknown> }) {
  const t = await getTranslations("concept");
  const schema = z.object({
    conceptId,
    title: conceptTitleSchema({ tooShort: t("titleTooShort") }).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  });
  const result = await guardedAction(schema, input, (actor, data) => updateConceptSettings(actor, data), t("saved"));
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}

export async function addFieldAction(input: { conceptId: string; title: string }) {
  const t = await getTranslations("concept");
  const schema = z.object({
    conceptId,
    title: fieldTitleSchema({ tooShort: t("fieldNameTooShort"), tooLong: t("fieldNameTooLong") }),
  });
  const result = await guardedAction(schema, input, async (actor, data) => (await addCustomField(actor, data)).key, t("fieldAdded"));
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}

export async function removeFieldAction(input: { conceptId: string; fieldId: string }) {
  const t = await getTranslations("concept");
  const schema = z.object({ conceptId, fieldId: z.string().uuid() });
  const result = await guardedAction(schema, input, (actor, data) => removeCustomField(actor, data), t("fieldRemoved"));
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}
