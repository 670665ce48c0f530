import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { listConceptSuggestions } from "@/lib/suggestions/service";

/** GET /api/concepts/:conceptId/suggestions — open and decided proposals (Änderungsvorschläge) of the concept. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const result = await listConceptSuggestions(actor, { conceptId });
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
