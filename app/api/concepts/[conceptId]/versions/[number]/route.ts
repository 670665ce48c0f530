import { NextResponse } from "next/server";
import { authedRoute } from "@/lib/http/route";
import { parseVersionNumber, readVersion } from "@/lib/versions/read";

/** GET /api/concepts/:conceptId/versions/:number — one version with its whole content (the backup format). */
export const GET = authedRoute<{ conceptId: string; number: string }>(async (_req, actor, { conceptId, number }) => {
  const n = parseVersionNumber(number);
  const { meta, snapshot } = await readVersion(actor, conceptId, n);
  return NextResponse.json({ version: meta, content: snapshot }, { headers: { "Cache-Control": "private, no-store" } });
});
