"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isUuid } from "@/db/queries/concepts";
import { guardedAction } from "@/lib/actions";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/validation";
import type { ImportFormState } from "@/components/concept/import-form";

const inputSchema = z.object({ municipalityId: z.string().max(64).optional(), fileName: z.string().max(1000).optional() });

/** The backup file of the form as parsed JSON, with errors (in the UI language) for a missing, oversized or broken file. */
async function readBackup(value: FormDataEntryValue | null): Promise<unknown> {
  const t = await getTranslations("import");
  if (!(value instanceof Blob) || value.size === 0) throw new AppError("bad_request", t("noFile"));
  if (value.size > MAX_IMPORT_BYTES) {
    throw new AppError("too_large", t("tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
  }
  const name = value instanceof File && value.name ? value.name.slice(0, 100) : "";
  const text = (await value.text()).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", name ? t("invalidJsonNamed", { name }) : t("invalidJson"));
  }
}

/** Import a backup into the chosen (or active) municipality and open the new concept. */
export async function importConceptAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const t = await getTranslations("import");
  const chosen = form.get("municipalityId");
  const file = form.get("file");
  const result = await guardedAction(
    inputSchema,
    // The file name only appears in messages, but passes the same text rule as every form field.
    { municipalityId: typeof chosen === "string" && chosen !== "" ? chosen : undefined, ...(file instanceof File ? { fileName: file.name } : {}) },
    async (actor, input) => {
      const municipalityId = input.municipalityId ?? (await activeMembership(actor)).active?.municipalityId;
      if (!municipalityId) throw new AppError("forbidden", t("noMunicipality"));
      if (!isUuid(municipalityId)) throw new AppError("not_found");
      await requireRole(actor, municipalityId, "concept.import");
      const data = await readBackup(form.get("file"));
      return importConcept(actor, { municipalityId, data });
    },
  );
  if (!result.ok) return { error: result.error };
  redirect(`/concepts/${result.data}`);
}
