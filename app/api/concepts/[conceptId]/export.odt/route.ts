import { exportConceptOffice } from "@/lib/export/office";
import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { parsePdfQuery } from "@/lib/pdf/export";

/**
 * GET /api/concepts/:conceptId/export.odt — the concept as OpenDocument Text (ODT 1.3), as a download;
 * the same content, query (?version=n, ?history=1, ?comments=1) and access rules as export.pdf.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const options = parsePdfQuery(new URL(req.url).searchParams);
  const { bytes, contentType, fileName, ms } = await exportConceptOffice(actor, conceptId, "odt", options);
  return new Response(bytes, {
    headers: { ...attachmentHeaders(contentType, fileName, bytes.length), "Server-Timing": `render;dur=${ms.toFixed(0)}` },
  });
});
