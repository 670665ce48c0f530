import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db";

export const dynamic = "force-dynamic";

/**
 * Liveness probe: 200 once the database answers, 503 before (Playwright's webServer waits on it).
 * Public on purpose, like /api/health/ready (readiness: migrations too): it answers no data.
 */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", database: await databaseKind() });
  } catch {
    return NextResponse.json({ status: "unavailable" }, { status: 503 });
  }
}
