import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { exportRoundCsv } from "@/lib/review/round-results";

/**
 * GET /api/concepts/:conceptId/rounds/:roundId/results.csv — a review round's
 * results (admins): per chapter / field of action and reviewer Zustimmung or
 * Änderungsbedarf with the note, then each reviewer's overall verdict.
 */
export const GET = authedRoute<{ conceptId: string; roundId: string }>(async (_req, actor, { conceptId, roundId }) => {
  const { csv, fileName } = await exportRoundCsv(actor, { conceptId, roundId });
  return new Response(csv, { headers: attachmentHeaders("text/csv; charset=utf-8", fileName) });
});
