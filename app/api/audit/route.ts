import { NextResponse } from "next/server";
import { activeMembership } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { parseAuditQuery } from "@/lib/audit/filter";
import { exportAuditCsv, readAuditLog } from "@/lib/review/inbox";

/**
 * GET /api/audit?municipality=<id>[&format=csv] — the municipality's audit log
 * (admins only): JSON, or CSV for download. Without a municipality: the active one.
 * The CSV takes the log page's filter too (konzept, person, art, von, bis).
 */
export const GET = authedRoute<Record<string, never>>(async (req, actor) => {
  const url = new URL(req.url);
  const municipalityId = url.searchParams.get("municipality") ?? (await activeMembership(actor)).active?.municipalityId;
  if (!municipalityId) throw new AppError("not_found");
  if (url.searchParams.get("format") === "csv") {
    const { conceptId, actorId, kind, from, to } = parseAuditQuery(Object.fromEntries(url.searchParams));
    const csv = await exportAuditCsv(actor, { municipalityId, query: { conceptId, actorId, kind, from, to } });
    const name = `protokoll-${new Date().toISOString().slice(0, 10)}.csv`;
    return new Response(csv, { headers: attachmentHeaders("text/csv; charset=utf-8", { ascii: name, utf8: name }) });
  }
  const rows = await readAuditLog(actor, { municipalityId, limit: 500, before: url.searchParams.get("before") ?? undefined });
  return NextResponse.json(
    { entries: rows.map((r) => ({ at: r.createdAt.toISOString(), who: r.actorName, email: r.actorEmail, action: r.action, conceptId: r.conceptId, objectId: r.objectId, details: r.details })) },
    { headers: { "Cache-Control": "private, no-store" } },
  );
});
