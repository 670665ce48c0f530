"use server";
import { revalidatePath } from "next/cache";
import { guardedAction, type ActionResult } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { changeStaffCostRate } from "@/lib/funding/service";
import { NumberFormatError, parseEuroToCents } from "@/lib/measures/numbers";
import { z } from "@/lib/validation";

const schema = z.object({ municipalityId: z.string().max(64), rate: z.string().max(40, "Höchstens 40 Zeichen.") });

/** The admin sets the personnel cost per VZÄ and year (empty: the documented default). */
export async function staffCostRateAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await guardedAction(
    schema,
    { municipalityId: form.get("municipalityId"), rate: form.get("rate") ?? "" },
    async (actor, input) => {
      let cents: number | null;
      try {
        cents = parseEuroToCents(input.rate);
      } catch (e) {
        if (e instanceof NumberFormatError) throw new AppError("bad_request", `Personalkostensatz: ${e.message}`);
        throw e;
      }
      await changeStaffCostRate(actor, { municipalityId: input.municipalityId, cents });
      return undefined;
    },
    "Der Personalkostensatz wurde gespeichert; die Finanzübersichten rechnen ab sofort damit.",
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result;
}
