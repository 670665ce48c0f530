import { authedRoute } from "@/lib/http/route";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
function rfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * GET /api/concepts/:conceptId/compare.pdf?from=n&to=m|draft — the Synopse of two states as PDF:
 * two columns, the older wording left, the newer right, changes marked, headings aligned.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const url = new URL(req.url);
  const { pdf, pages, fileName, ms, waitedMs } = await exportSynopsePdf(actor, { conceptId, from: url.searchParams.get("from"), to: url.searchParams.get("to") ?? "draft" });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${rfc5987(fileName.utf8)}`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Pdf-Pages": String(pages),
      "Server-Timing": `typst;dur=${ms.toFixed(0)}, queue;dur=${waitedMs}`,
    },
  });
});
