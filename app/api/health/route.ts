import { NextResponse } from "next/server";
import { sql } from "drizzle-orm";
import { databaseKind, getDb } from "@/db";

export const dynamic = "force-dynamic";

/** Readiness probe: 200 once the database answers (migrations applied), 503 before. */
export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return NextResponse.json({ status: "ok", database: await databaseKind() });
  } catch {
    return NextResponse.json({ status: "unavailable" }, { status: 503 });
  }
}
