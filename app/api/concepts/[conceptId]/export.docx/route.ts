import { exportConceptOffice } from "@/lib/export/office";
import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { parsePdfQuery } from "@/lib/pdf/export";

/**
 * GET /api/concepts/:conceptId/export.docx — the concept as Word (DOCX), as a download;
 * the same content, query (?version=n, ?history=1, ?comments=1) and access rules as export.pdf.
 */
export const GET = authedRoute<{ conceptId: string }>(async (req, actor, { conceptId }) => {
  const options = parsePdfQuery(new URL(req.url).searchParams);
  const { bytes, contentType, fileName, ms } = await exportConceptOffice(actor, conceptId, "docx", options);
  return new Response(bytes, {
    headers: { ...attachmentHeaders(contentType, fileName, bytes.length), "Server-Timing": `render;dur=${ms.toFixed(0)}` },
  });
});
