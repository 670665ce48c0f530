"use server";
import { guardedAction } from "@/lib/actions";
import { changeMailDigest } from "@/lib/review/digest";
import { z } from "@/lib/validation";

const digestSchema = z.strictObject({ on: z.boolean({ error: "Bitte wählen Sie, ob Sie die Zusammenfassung erhalten möchten." }) });

/** The signed-in person's own choice of a daily summary mail (no municipality: it is theirs). */
export async function mailDigestAction(input: unknown) {
  return guardedAction(digestSchema, input, (actor, data) => changeMailDigest(actor, data));
}
