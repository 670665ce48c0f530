import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { readCheck } from "@/lib/check/service";

/** GET /api/concepts/:conceptId/check — the Konzept-Check: findings with rule, severity, place, link and any "bewusst so". */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const result = await readCheck(actor, conceptId);
  return NextResponse.json(result, { headers: { "Cache-Control": "private, no-store" } });
});
