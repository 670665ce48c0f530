import { NextResponse } from "next/server";
import { readConcept } from "@/lib/concepts/exchange";
import { authedRoute } from "@/lib/http/route";

/** GET /api/concepts/:conceptId — the concept with all its sections, sub-goals and measures. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const concept = await readConcept(actor, conceptId);
  return NextResponse.json(concept, { headers: { "Cache-Control": "private, no-store" } });
});
