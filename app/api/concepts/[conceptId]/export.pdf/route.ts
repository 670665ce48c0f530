import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { exportConceptPdf, LOGO_OMITTED_HEADER, parsePdfQuery } from "@/lib/pdf/export";

/**
 * GET /api/concepts/:conceptId/export.pdf — the concept as PDF (PDF/UA-1), as a download.
 * ?version=n a stored version instead of the current draft; ?history=1 adds the version history as an annex.
 * X-Pdf-Logo: omitted when the municipality's logo could not be drawn and the PDF has none.
 * Every role that may read the concept may export it; another municipality's concept is a 404.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const options = parsePdfQuery(new URL(req.url).searchParams);
  const { pdf, pages, standard, ms, waitedMs, fileName, logoOmitted } = await exportConceptPdf(actor, conceptId, options);
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...attachmentHeaders("application/pdf", fileName, pdf.length),
      "X-Pdf-Pages": String(pages),
      "X-Pdf-Standard": standard,
      "Server-Timing": `typst;dur=${ms.toFixed(0)}, queue;dur=${waitedMs}`,
      // The logo could not be drawn and was left out (the page says so).
      ...(logoOmitted ? { [LOGO_OMITTED_HEADER]: "omitted" } : {}),
    },
  });
});
