import { authedRoute } from "@/lib/http/route";
import { exportConceptPdf, parsePdfQuery } from "@/lib/pdf/export";

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
function rfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * GET /api/concepts/:conceptId/export.pdf — the concept as PDF (PDF/UA-1), as a download.
 * ?version=n a stored version instead of the current draft; ?history=1 adds the version history as an annex.
 * Every role that may read the concept may export it; another municipality's concept is a 404.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const options = parsePdfQuery(new URL(req.url).searchParams);
  const { pdf, pages, standard, ms, waitedMs, fileName } = await exportConceptPdf(actor, conceptId, options);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName.ascii}"; filename*=UTF-8''${rfc5987(fileName.utf8)}`,
      "Content-Length": String(pdf.length),
      "Cache-Control": "private, no-store",
      "X-Pdf-Pages": String(pages),
      "X-Pdf-Standard": standard,
      "Server-Timing": `typst;dur=${ms.toFixed(0)}, queue;dur=${waitedMs}`,
    },
  });
});
