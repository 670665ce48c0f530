"use server";
import { revalidatePath } from "next/cache";
import { guardedAction } from "@/lib/actions";
import { removeLogo, uploadLogo } from "@/lib/pdf/logo-service";
import { z } from "@/lib/validation";
import { isolate } from "@/lib/format";

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
    // Naming the file tells which of two quick uploads the message is about.
    file instanceof File && file.name ? `Das Logo „${isolate(shortName(file.name))}“ wurde gespeichert und erscheint auf dem Deckblatt des PDFs.` : "Das Logo wurde gespeichert und erscheint auf dem Deckblatt des PDFs.",
  );
  if (result.ok) revalidatePath("/mitglieder");
  return result.ok ? { ok: true, message: result.message ?? null } : { ok: false, message: result.error };
}

const shortName = (name: string) => (name.length > 80 ? `${name.slice(0, 79)}…` : name);

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
