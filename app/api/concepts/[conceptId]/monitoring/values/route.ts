import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/http/route";
import type { RecordValueInput } from "@/lib/monitoring/schema";
import { recordIndicatorValue } from "@/lib/monitoring/service";

/**
 * POST /api/concepts/:conceptId/monitoring/values {measureId, indicatorId, observedOn, value, source?, note?}
 * — record an Ist-Wert (editors and admins; the same checks as the page's form). 201 {valueId}.
 */
export const POST = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const body = (await readJson(req, 16 * 1024)) as Record<string, unknown> | null;
  // The service parses the whole input (zod) and checks role, municipality, measure and indicator itself.
  const input = { ...(body && typeof body === "object" && !Array.isArray(body) ? body : {}), conceptId } as RecordValueInput;
  const created = await recordIndicatorValue(actor, input);
  return NextResponse.json(created, { status: 201 });
});
