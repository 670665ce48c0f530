import { attachmentHeaders } from "@/lib/http/download";
import { authedRoute } from "@/lib/http/route";
import { exportSachstandsbericht } from "@/lib/monitoring/sachstand-export";

/** GET /api/concepts/:conceptId/sachstandsbericht.pdf — the yearly Sachstandsbericht (measures, indicator progress, funding) as PDF. */
export const GET = authedRoute<{ conceptId: string }>(async (_req, actor, { conceptId }) => {
  const { pdf, pages, fileName, ms, waitedMs, standard } = await exportSachstandsbericht(actor, { conceptId });
  return new Response(new Uint8Array(pdf), {
    headers: {
      ...attachmentHeaders("application/pdf", fileName, pdf.length),
      "X-Pdf-Pages": String(pages),
      "X-Pdf-Standard": standard,
      "Server-Timing": `typst;dur=${ms.toFixed(0)}, queue;dur=${waitedMs}`,
    },
  });
});
