import { NextResponse } from "next/server";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

/**
 * GET /api/health/ready — readiness for a load balancer or orchestrator: 200 when
 * the database answers and all migrations are applied, else 503 naming what is
 * not ready. Deliberately without a session (like /api/health): the answer holds
 * no data of any municipality or person, only the checks' names and states.
 */
export async function GET() {
  const result = await readiness();
  return NextResponse.json({ status: result.ready ? "ready" : "unavailable", checks: result.checks }, { status: result.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
