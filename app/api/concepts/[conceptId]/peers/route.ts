import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { authedRoute } from "@/lib/http/route";
import { isGroupChoice } from "@/lib/peers/groups";
import { comparePeers } from "@/lib/peers/service";

/**
 * GET /api/concepts/:conceptId/peers?group=own|level|all — the comparison of
 * the concept with a fixed peer group of the latest published snapshot. Every
 * figure carries its n, or `suppressed: true` with the reason.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const group = new URL(req.url).searchParams.get("group") ?? "own";
  if (!isGroupChoice(group)) throw new AppError("bad_request", "Unbekannte Vergleichsgruppe (erlaubt: own, level, all).");
  const comparison = await comparePeers(actor, { conceptId, group });
  return NextResponse.json(comparison, { headers: { "Cache-Control": "private, no-store" } });
});
