import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { readFunding } from "@/lib/funding/service";

/**
 * GET /api/concepts/:conceptId/funding — chapter 7 computed from the measures:
 * the running plan's totals (cents per year, VZÄ), overviews by source, field
 * of action, task type and year, the measures left out and why, the cliff.
 */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const report = await readFunding(actor, conceptId);
  return NextResponse.json(report, { headers: { "Cache-Control": "private, no-store" } });
});
