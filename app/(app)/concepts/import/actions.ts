"use server";
import { redirect } from "next/navigation";
import { isUuid } from "@/db/queries/concepts";
import { guardedAction } from "@/lib/actions";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/validation";
import type { ImportFormState } from "@/components/concept/import-form";

const inputSchema = z.object({ municipalityId: z.string().max(64).optional() });

/** The backup file of the form as parsed JSON, with German errors for a missing, oversized or broken file. */
async function readBackup(value: FormDataEntryValue | null): Promise<unknown> {
  if (!(value instanceof Blob) || value.size === 0) throw new AppError("bad_request", "Bitte wählen Sie eine Sicherung (JSON-Datei) aus.");
  if (value.size > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  }
  const name = value instanceof File && value.name ? `„${value.name.slice(0, 100)}“ ` : "";
  const text = (await value.text()).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(
      "bad_request",
      `Die Datei ${name}enthält kein gültiges JSON. Bitte wählen Sie die Sicherung, die Konzeptwerk beim Export als JSON-Datei erstellt hat.`,
    );
  }
}

/** Import a backup into the chosen (or active) municipality and open the new concept. */
export async function importConceptAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const chosen = form.get("municipalityId");
  const result = await guardedAction(
    inputSchema,
    { municipalityId: typeof chosen === "string" && chosen !== "" ? chosen : undefined },
    async (actor, input) => {
      const municipalityId = input.municipalityId ?? (await activeMembership(actor)).active?.municipalityId;
      if (!municipalityId) throw new AppError("forbidden", "Sie gehören noch keiner Kommune an.");
      if (!isUuid(municipalityId)) throw new AppError("not_found");
      await requireRole(actor, municipalityId, "concept.import");
      const data = await readBackup(form.get("file"));
      return importConcept(actor, { municipalityId, data });
    },
  );
  if (!result.ok) return { error: result.error };
  redirect(`/concepts/${result.data}`);
}
