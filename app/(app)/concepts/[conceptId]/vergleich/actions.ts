"use server";
import { revalidatePath } from "next/cache";
import { formObject, guardedAction, inRequestLanguage, type ActionResult } from "@/lib/actions";
import { changePeerConsent, publishPeerSnapshot } from "@/lib/peers/service";
import { z } from "@/lib/validation";

const consentSchema = z.object({
  municipalityId: z.string().min(1),
  contribute: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** The admin gives or withdraws the municipality's consent to contribute. */
export async function setPeerConsentAction(_prev: ActionResult<{ contribute: boolean }> | null, form: FormData) {
  const result = await guardedAction(
    consentSchema,
    formObject(form),
    (actor, data) => changePeerConsent(actor, data),
    undefined,
  );
  if (result.ok) {
    result.message = result.data.contribute
      ? "Ihre Kommune trägt bei: Ihr zuletzt beschlossenes Konzept geht ab dem nächsten Vergleichsstand anonymisiert ein."
      : "Ihre Kommune trägt nicht mehr bei: ab dem nächsten Vergleichsstand ist ihr Beitrag entfernt.";
    revalidatePath("/concepts/[conceptId]/vergleich", "page");
  }
  return inRequestLanguage(result);
}

/** The operator publishes a new snapshot now. */
export async function publishPeerSnapshotAction(_prev: ActionResult<{ contributors: number }> | null, form: FormData) {
  const result = await guardedAction(z.object({}).passthrough(), formObject(form), async (actor) => {
    const r = await publishPeerSnapshot(actor);
    return { contributors: r.contributors };
  });
  if (result.ok) {
    result.message = `Neuer Vergleichsstand veröffentlicht (${result.data.contributors} Beiträge).`;
    revalidatePath("/concepts/[conceptId]/vergleich", "page");
  }
  return inRequestLanguage(result);
}
