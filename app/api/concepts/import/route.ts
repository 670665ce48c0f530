import { NextResponse } from "next/server";
import { isUuid } from "@/db/queries/concepts";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { LENGTH_REQUIRED_MESSAGE } from "@/lib/http/limits";
import { authedRoute, readJson } from "@/lib/http/route";
import { parseMappingField } from "@/lib/import/form";
import { importFile, type ImportTiming } from "@/lib/import/service";

/** "read;dur=812, map;dur=35": the steps of a file import (npm run bench reads them). */
const serverTiming = (timing: ImportTiming) =>
  Object.entries(timing)
    .map(([step, ms]) => `${step};dur=${ms.toFixed(0)}`)
    .join(", ");

/** A multipart body may carry the file plus its frame and the mapping. */
const MULTIPART_LIMIT = MAX_IMPORT_BYTES + 1024 * 1024;

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
    const tooLarge = new AppError("too_large", `Die Datei ist zu groß (höchstens ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
    // req.formData() reads the whole body before anything can count it: its length is checked first,
    // and a body of unknown length (chunked) is refused as server actions are (proxy.ts).
    const declared = req.headers.get("content-length");
    if (declared === null) throw new AppError("length_required", LENGTH_REQUIRED_MESSAGE);
    if (!/^\d{1,15}$/.test(declared.trim())) throw new AppError("bad_request", "Die Längenangabe der Anfrage (Content-Length) ist ungültig.");
    if (Number(declared) > MULTIPART_LIMIT) throw tooLarge;
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw new AppError("bad_request", "Die Anfrage ist kein lesbares Formular (multipart/form-data mit dem Feld „file“).");
    }
    const file = form.get("file");
    if (!(file instanceof File)) throw new AppError("bad_request", "Bitte eine Datei im Feld „file“ mitschicken.");
    if (file.size > MAX_IMPORT_BYTES) throw tooLarge;
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
