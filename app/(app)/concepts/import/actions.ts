"use server";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isUuid } from "@/db/queries/concepts";
import { guardedAction } from "@/lib/actions";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { importIntoDraft } from "@/lib/import/into-draft";
import { importFile } from "@/lib/import/service";
import { z } from "@/lib/validation";
import type { ImportFormState } from "@/components/concept/import-form";

const inputSchema = z.object({ municipalityId: z.string().max(64).optional(), fileName: z.string().max(1000).optional() });

/** The choices of the mapping step: fields "target:<block id>". */
function chosenMapping(form: FormData, any = false): Record<string, string> | null {
  if (!any && form.get("step") !== "import") return null;
  const mapping: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("target:") && typeof value === "string") mapping[key.slice("target:".length)] = value;
  }
  return mapping;
}

/**
 * Import a file into the chosen (or active) municipality. A backup opens the
 * new concept; a document first comes back with the proposed mapping, and
 * after the mapping step with the import report and the new concept's id.
 */
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
      if (!(file instanceof Blob) || file.size === 0) throw new AppError("bad_request", t("noFile"));
      if (file.size > MAX_IMPORT_BYTES) throw new AppError("too_large", t("tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
      const name = file instanceof File && file.name ? file.name.slice(0, 200) : "import";
      return importFile(actor, { municipalityId, fileName: name, bytes: new Uint8Array(await file.arrayBuffer()), mapping: chosenMapping(form) });
    },
  );
  if (!result.ok) return { error: result.error };
  if (result.data.kind === "proposal") return { error: null, proposal: result.data.proposal };
  if (!result.data.report) redirect(`/concepts/${result.data.id}`);
  return { error: null, created: { id: result.data.id, report: result.data.report } };
}

const draftSchema = z.object({ conceptId: z.string().max(64), fileName: z.string().max(1000).optional() });

/**
 * Import a document into an existing draft: the proposed mapping, then (step
 * "review") the places the file fills beside the draft, then (step "import")
 * the chosen places written, the draft kept as a version before.
 */
export async function importIntoDraftAction(_prev: ImportFormState, form: FormData): Promise<ImportFormState> {
  const t = await getTranslations("import");
  const conceptId = form.get("conceptId");
  const file = form.get("file");
  const step = form.get("step");
  const result = await guardedAction(
    draftSchema,
    { conceptId: typeof conceptId === "string" ? conceptId : "", ...(file instanceof File ? { fileName: file.name } : {}) },
    async (actor, input) => {
      if (!isUuid(input.conceptId)) throw new AppError("not_found");
      if (!(file instanceof Blob) || file.size === 0) throw new AppError("bad_request", t("noFile"));
      if (file.size > MAX_IMPORT_BYTES) throw new AppError("too_large", t("tooLarge", { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 }));
      const name = file instanceof File && file.name ? file.name.slice(0, 200) : "import";
      const mapping = step === "review" || step === "import" ? chosenMapping(form, true) : null;
      const places = step === "import" ? form.getAll("place").filter((v): v is string => typeof v === "string").slice(0, 500) : null;
      return importIntoDraft(actor, { conceptId: input.conceptId, fileName: name, bytes: new Uint8Array(await file.arrayBuffer()), mapping, places });
    },
  );
  if (!result.ok) return { error: result.error };
  const r = result.data;
  if (r.kind === "proposal") return { error: null, proposal: r.proposal };
  if (r.kind === "places") return { error: null, proposal: r.proposal, places: r.places };
  return { error: null, imported: { conceptId: r.conceptId, version: r.version, taken: r.taken, report: r.report } };
}
