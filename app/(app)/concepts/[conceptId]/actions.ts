"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions";
import { addCustomField, removeCustomField } from "@/lib/concepts/fields";
import { updateConceptSettings } from "@/lib/concepts/meta";
import { z } from "@/lib/validation";

const conceptId = z.string().uuid();

export async function saveSettingsAction(input: { conceptId: string; title?: string; settings?: Record<string, unknown> }) {
  const schema = z.object({
    conceptId,
    title: z.string().trim().min(3, "Der Titel muss mindestens 3 Zeichen lang sein.").max(200).optional(),
    settings: z.record(z.string(), z.unknown()).optional(),
  });
  const result = await guardedAction(schema, input, (actor, data) => updateConceptSettings(actor, data), "Gespeichert");
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}

export async function addFieldAction(input: { conceptId: string; title: string }) {
  const schema = z.object({
    conceptId,
    title: z.string().trim().min(3, "Der Name muss mindestens 3 Zeichen lang sein.").max(120, "Höchstens 120 Zeichen."),
  });
  const result = await guardedAction(schema, input, async (actor, data) => (await addCustomField(actor, data)).key, "Handlungsfeld angelegt.");
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}

export async function removeFieldAction(input: { conceptId: string; fieldId: string }) {
  const schema = z.object({ conceptId, fieldId: z.string().uuid() });
  const result = await guardedAction(schema, input, (actor, data) => removeCustomField(actor, data), "Handlungsfeld entfernt.");
  if (result.ok) revalidatePath(`/concepts/${input.conceptId}`);
  return result;
}
