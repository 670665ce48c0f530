import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";

/**
 * GET /api/concepts/:conceptId/compare.pdf?from=n&to=m|draft — the Synopse of two states as PDF:
 * two columns, the older wording left, the newer right, changes marked, headings aligned.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const url = new URL(req.url);
  const { pdf, pages, fileName, ms, waitedMs } = await exportSynopsePdf(actor, { conceptId, from: url.searchParams.get("from"), to: url.searchParams.get("to") ?? "draft" });
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...attachmentHeaders("application/pdf", fileName, pdf.length),
      "X-Pdf-Pages": String(pages),
      "Server-Timing": `typst;dur=${ms.toFixed(0)}, queue;dur=${waitedMs}`,
    },
  });
});
