"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions";
import { removeLogo, uploadLogo } from "@/lib/pdf/logo-service";
import { z } from "@/lib/validation";

export type LogoFormState = { ok: boolean; message: string | null };

const schema = z.object({ municipalityId: z.string().max(64), fileName: z.string().max(1000).optional() });

/** Upload (or replace) the logo on the PDF cover. */
export async function uploadLogoAction(_prev: LogoFormState, form: FormData): Promise<LogoFormState> {
  const file = form.get("file");
  const result = await guardedAction(
    schema,
    // The file name is not stored, but it passes the same text rule as every form field.
    { municipalityId: form.get("municipalityId"), ...(file instanceof File ? { fileName: file.name } : {}) },
    (actor, input) => uploadLogo(actor, { municipalityId: input.municipalityId, file: file instanceof Blob ? file : null }),
    "Das Logo wurde gespeichert und erscheint auf dem Deckblatt des PDFs.",
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result.ok ? { ok: true, message: result.message ?? null } : { ok: false, message: result.error };
}

/** Remove the logo from the PDF cover. */
export async function removeLogoAction(_prev: LogoFormState, form: FormData): Promise<LogoFormState> {
  const result = await guardedAction(
    schema,
    { municipalityId: form.get("municipalityId") },
    (actor, input) => removeLogo(actor, { municipalityId: input.municipalityId }),
    "Das Logo wurde entfernt.",
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result.ok ? { ok: true, message: result.message ?? null } : { ok: false, message: result.error };
}
