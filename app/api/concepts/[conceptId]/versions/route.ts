import { NextResponse } from "next/server";
import { authedRoute, readJson } from "@/lib/http/route";
import { listVersions } from "@/lib/versions/read";
import { createVersion } from "@/lib/versions/service";

/** GET /api/concepts/:conceptId/versions — every version, newest first, without content. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const versions = await listVersions(actor, conceptId);
  return NextResponse.json({ versions }, { headers: { "Cache-Control": "private, no-store" } });
});

/** POST /api/concepts/:conceptId/versions {label?} — save the current state as a version (admins, editors). */
export const POST = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const body = (await readJson(req, 4096)) as { label?: unknown } | null;
  const created = await createVersion(actor, { conceptId, label: body && typeof body === "object" ? body.label : undefined });
  return NextResponse.json(created, { status: 201 });
});
