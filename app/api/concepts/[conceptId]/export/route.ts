import { exportConcept, exportFileName } from "@/lib/concepts/exchange";
import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";

/** GET /api/concepts/:conceptId/export — the lossless JSON backup as a download. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const data = await exportConcept(actor, conceptId);
  const name = exportFileName(data.concept.title, new Date(data.exportedAt));
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      ...attachmentHeaders("application/json; charset=utf-8", name),
    },
  });
});
