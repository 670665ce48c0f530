import { NextResponse } from "next/server";
import { isUuid } from "@/db/queries/concepts";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { authedRoute, readJson } from "@/lib/http/route";
import { parseMappingField, readImportForm } from "@/lib/import/form";
import { importFile, type ImportTiming } from "@/lib/import/service";

/** "read;dur=812, map;dur=35": the steps of a file import (npm run bench reads them). */
const serverTiming = (timing: ImportTiming) =>
  Object.entries(timing)
    .map(([step, ms]) => `${step};dur=${ms.toFixed(0)}`)
    .join(", ");

/**
 * POST /api/concepts/import[?municipalityId=]
 * - JSON body: a backup as written by the export (≤ 20 MB) → 201 { id }.
 * - multipart/form-data with `file` (.json backup, .docx, .odt, .md, .html):
 *   with `mapping=auto` (or a JSON object block id → place) the concept is
 *   created → 201 { id, report: { wordsIn, wordsPlaced, unplaced, … } };
 *   without `mapping` a document answers 200 { proposal } and writes nothing.
 * Every import starts as a draft. A multipart body must state its length
 * (411 without Content-Length, 413 above the limit, both before reading it).
 */
export const POST = authedRoute(async (req, actor) => {
  const requested = new URL(req.url).searchParams.get("municipalityId");
  let municipalityId: string;
  if (requested !== null) {
    if (!isUuid(requested)) throw new AppError("not_found");
    municipalityId = requested;
  } else {
    const { active } = await activeMembership(actor);
    if (!active) throw new AppError("forbidden", "Sie gehören noch keiner Kommune an.");
    municipalityId = active.municipalityId;
  }
  // Role first, so that nobody without the right makes the server read 20 MB.
  await requireRole(actor, municipalityId, "concept.import");

  if (/^multipart\/form-data/i.test(req.headers.get("content-type") ?? "")) {
    const { form, file } = await readImportForm(req);
    const result = await importFile(actor, {
      municipalityId,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
      mapping: parseMappingField(form.get("mapping")),
    });
    const headers = { "Server-Timing": serverTiming(result.timing) };
    if (result.kind === "proposal") return NextResponse.json({ proposal: result.proposal }, { status: 200, headers });
    return NextResponse.json(result.report ? { id: result.id, report: result.report } : { id: result.id }, {
      status: 201,
      headers: { ...headers, Location: `/api/concepts/${result.id}` },
    });
  }

  const data = await readJson(req, MAX_IMPORT_BYTES);
  const id = await importConcept(actor, { municipalityId, data });
  return NextResponse.json({ id }, { status: 201, headers: { Location: `/api/concepts/${id}` } });
});
