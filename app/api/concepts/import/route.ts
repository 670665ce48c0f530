import { NextResponse } from "next/server";
import { isUuid } from "@/db/queries/concepts";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { importConcept, MAX_IMPORT_BYTES } from "@/lib/concepts/exchange";
import { AppError } from "@/lib/errors";
import { authedRoute, readJson } from "@/lib/http/route";

/**
 * POST /api/concepts/import[?municipalityId=] — body: a backup as written by the
 * export (≤ 20 MB). Creates a new concept; 201 { id }.
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
  const data = await readJson(req, MAX_IMPORT_BYTES);
  const id = await importConcept(actor, { municipalityId, data });
  return NextResponse.json({ id }, { status: 201, headers: { Location: `/api/concepts/${id}` } });
});
