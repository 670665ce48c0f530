import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { compareVersions } from "@/lib/versions/compare";

/** GET /api/concepts/:conceptId/compare?from=n&to=m|draft — the comparison of two states as JSON. */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const url = new URL(req.url);
  const { from, to, comparison, proposalAuthors } = await compareVersions(actor, { conceptId, from: url.searchParams.get("from"), to: url.searchParams.get("to") ?? "draft" });
  return NextResponse.json({ from, to, comparison, proposalAuthors }, { headers: { "Cache-Control": "private, no-store" } });
});
