import { NextResponse } from "next/server";
import { isUuid, listConcepts } from "@/db/queries/concepts";
import { activeMembership, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authedRoute } from "@/lib/http/route";

/**
 * GET /api/concepts[?municipalityId=] — the concepts of the active municipality,
 * or of the one named if the user is a member there (otherwise 404).
 */
export const GET = authedRoute(async (req, actor) => {
  const requested = new URL(req.url).searchParams.get("municipalityId");
  let municipalityId: string;
  if (requested !== null) {
    if (!isUuid(requested)) throw new AppError("not_found");
    municipalityId = requested;
  } else {
    const { active } = await activeMembership(actor);
    if (!active) return NextResponse.json({ concepts: [] }, { headers: { "Cache-Control": "private, no-store" } });
    municipalityId = active.municipalityId;
  }
  await requireRole(actor, municipalityId, "concept.read");
  const concepts = await listConcepts({ municipalityId });
  return NextResponse.json({ concepts }, { headers: { "Cache-Control": "private, no-store" } });
});
