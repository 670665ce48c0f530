"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions";
import { CONCEPT_STATUSES } from "@/lib/concepts/status";
import { z } from "@/lib/validation";
import { changeStatus, createVersion, MAX_LABEL, restoreVersion } from "@/lib/versions/service";
import { MAX_VERSION_NUMBER } from "@/lib/versions/read";

const conceptId = z.string().uuid();
const label = z.string().max(MAX_LABEL, `Die Bezeichnung ist zu lang (höchstens ${MAX_LABEL} Zeichen).`).optional();

function refresh(id: string) {
  revalidatePath(`/concepts/${id}`);
  revalidatePath(`/concepts/${id}/versionen`);
}

export async function createVersionAction(input: { conceptId: string; label?: string }) {
  const result = await guardedAction(z.object({ conceptId, label }), input, (actor, data) => createVersion(actor, data));
  if (result.ok) refresh(input.conceptId);
  return result;
}

export async function restoreVersionAction(input: { conceptId: string; number: number }) {
  const schema = z.object({ conceptId, number: z.number().int().min(1, "Ungültige Versionsnummer.").max(MAX_VERSION_NUMBER, "Ungültige Versionsnummer.") });
  const result = await guardedAction(schema, input, (actor, data) => restoreVersion(actor, data));
  if (result.ok) refresh(input.conceptId);
  return result;
}

export async function changeStatusAction(input: { conceptId: string; status: string; label?: string; decisionDate?: string; decisionReference?: string }) {
  const schema = z.object({
    conceptId,
    status: z.enum(CONCEPT_STATUSES, "Bitte einen Status wählen."),
    label,
    decisionDate: z.string().max(20).optional(),
    decisionReference: z.string().max(MAX_LABEL, `Das Aktenzeichen ist zu lang (höchstens ${MAX_LABEL} Zeichen).`).optional(),
  });
  const result = await guardedAction(schema, input, (actor, data) => changeStatus(actor, data));
  if (result.ok) refresh(input.conceptId);
  return result;
}
