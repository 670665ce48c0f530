import { exportConcept, exportFileName } from "@/lib/concepts/exchange";
import { authedRoute } from "@/lib/http/route";

/** RFC 5987 value: percent-encoded UTF-8, including the characters encodeURIComponent leaves alone. */
function rfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** GET /api/concepts/:conceptId/export — the lossless JSON backup as a download. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const data = await exportConcept(actor, conceptId);
  const name = exportFileName(data.concept.title, new Date(data.exportedAt));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name.ascii}"; filename*=UTF-8''${rfc5987(name.utf8)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
