import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { readActivity } from "@/lib/review/inbox";

/** GET /api/concepts/:conceptId/activity — the concept's activity feed (newest first, no content). */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const entries = await readActivity(actor, conceptId, 200);
  return NextResponse.json(
    { entries: entries.map((e) => ({ at: e.createdAt.toISOString(), who: e.actorName, action: e.action, objectId: e.objectId, details: e.details })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
