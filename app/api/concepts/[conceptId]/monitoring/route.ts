import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { readMonitoring } from "@/lib/monitoring/service";

/** GET /api/concepts/:conceptId/monitoring[?field=<key>] — per field: measures with yearly statuses, indicators with Ist-Werte and progress. */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const field = new URL(req.url).searchParams.get("field");
  const result = await readMonitoring(actor, { conceptId, ...(field ? { fieldKey: field } : {}) });
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
