"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction, type ActionResult } from "@/lib/actions";
import { shareMeasure, unshareMeasure } from "@/lib/peers/library";
import { takeLibraryMeasure, takeMeasureSchema } from "@/lib/peers/take-measure";
import { z } from "@/lib/validation";

const shareSchema = z.object({
  conceptId: z.string().min(1),
  measureId: z.string().min(1),
  title: z.string().trim().min(1, "Der Titel fehlt.").max(500, "Höchstens 500 Zeichen."),
  description: z.string().max(5000, "Höchstens 5000 Zeichen.").default(""),
});
const unshareSchema = z.object({ conceptId: z.string().min(1), measureId: z.string().min(1) });

/** The admin shares a measure's (edited) title and description in the peer library. */
export async function shareMeasureAction(_prev: ActionResult<{ shared: boolean }> | null, form: FormData) {
  const result = await guardedAction(shareSchema, formObject(form), (actor, data) => shareMeasure(actor, data), "In der Bibliothek geteilt.");
  if (result.ok) revalidatePath("/concepts/[conceptId]/vergleich/bibliothek", "page");
  return result;
}

/** The admin withdraws a shared measure. */
export async function unshareMeasureAction(_prev: ActionResult<{ shared: boolean }> | null, form: FormData) {
  const result = await guardedAction(unshareSchema, formObject(form), async (actor, data) => ({ shared: (await unshareMeasure(actor, data)).shared }), "Aus der Bibliothek entfernt.");
  if (result.ok) revalidatePath("/concepts/[conceptId]/vergleich/bibliothek", "page");
  return result;
}

/**
 * An editor or admin takes a library measure into one of the municipality's
 * concepts; the result names the new measure's card for the status message's link.
 */
export async function takeLibraryMeasureAction(_prev: ActionResult<{ href: string; title: string }> | null, form: FormData) {
  const result = await guardedAction(
    takeMeasureSchema,
    formObject(form),
    async (actor, data) => {
      const { measure, conceptId, fieldId } = await takeLibraryMeasure(actor, data);
      revalidatePath(`/concepts/${conceptId}`);
      return { href: `/concepts/${conceptId}#measures-${fieldId}-${measure.id}`, title: measure.title };
    },
    "Die Maßnahme wurde als geplante Maßnahme in Ihr Konzept übernommen.",
  );
  return result;
}
