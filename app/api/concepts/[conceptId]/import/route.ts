import { NextResponse } from "next/server";
import { isUuid } from "@/db/queries/concepts";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { authedRoute } from "@/lib/http/route";
import { parseMappingField, parsePlacesField, readImportForm } from "@/lib/import/form";
import { importIntoDraft } from "@/lib/import/into-draft";

/**
 * POST /api/concepts/{id}/import — a document (.docx, .odt, .md, .html) into
 * this draft, part by part (the Fortschreibung). multipart/form-data with `file`:
 * - without `mapping` → 200 { proposal } (the mapping step);
 * - with `mapping` (auto or JSON) but without `places` → 200 { places } (what
 *   the file fills beside the draft) and the report;
 * - with `places` ("all" or a JSON array of place ids) → 200 { version, taken,
 *   report }: written, the draft as it was kept as version `version`.
 * Nothing is written before the last step, nor on any error.
 */
export const POST = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  if (!isUuid(conceptId)) throw new AppError("not_found");
  // Access first, so that nobody without the right makes the server read 20 MB.
  await requireConcept(actor, conceptId, "version.restore");
  await requireConcept(actor, conceptId, "concept.import");
  if (!/^multipart\/form-data/i.test(req.headers.get("content-type") ?? "")) {
    throw new AppError("bad_request", "Bitte die Datei als multipart/form-data im Feld „file“ schicken.");
  }
  const { form, file } = await readImportForm(req);
  const mapping = parseMappingField(form.get("mapping"));
  const places = parsePlacesField(form.get("places"));
  if (places !== null && mapping === null) throw new AppError("bad_request", "„places“ braucht eine Zuordnung im Feld „mapping“ (z. B. „auto“).");
  const result = await importIntoDraft(actor, { conceptId, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mapping, places });
  if (result.kind === "proposal") return NextResponse.json({ proposal: result.proposal });
  if (result.kind === "places") return NextResponse.json({ places: result.places, report: result.report });
  return NextResponse.json({ version: result.version, taken: result.taken, report: result.report });
});
