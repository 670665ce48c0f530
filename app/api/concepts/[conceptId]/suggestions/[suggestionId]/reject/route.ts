import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { decideSuggestion } from "@/lib/suggestions/service";

/** POST /api/concepts/:conceptId/suggestions/:suggestionId/reject — reject one proposal: its inserted text goes, its deleted text stays (editors and admins). */
export const POST = authedRoute<{ conceptId: string; suggestionId: string }>(async (_req, actor, { conceptId, suggestionId }) => {
  const result = await decideSuggestion(actor, { conceptId, suggestionId, decision: "reject" });
  return NextResponse.json(result);
});
