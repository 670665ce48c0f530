/**
 * The real PDF queue under load (issue 18: the 429 was only ever faked in the
 * browser test): one export runs, MAX_WAITING wait, every further one is
 * refused at once with 429 and the German message, and the queue empties —
 * once through the domain function and once through the real route handler
 * of GET /api/concepts/:id/export.pdf, whose 429 carries Retry-After.
 *
 * Only next-auth's cookie decoding is replaced (there is no request in a test):
 * `auth()` returns the viewer's session id; the session is a real row, checked
 * by currentActor as for every request.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ id: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (session.id ? { sessionId: session.id, user: { id: "test" } } : null) }));

import { GET as exportPdfRoute } from "@/app/api/concepts/[conceptId]/export.pdf/route";
import { closeDb } from "@/db";
import { AppError } from "@/lib/errors";
import { exportConceptPdf } from "@/lib/pdf/export";
import { MAX_WAITING, pdfQueueState } from "@/lib/pdf/render";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
beforeAll(async () => {
  ({ town, ids } = await populatedTown("Warteschlangenstadt"));
});
afterAll(() => closeDb());

describe("the PDF queue", () => {
  it(`takes one running and ${MAX_WAITING} waiting exports and refuses the rest with 429`, async () => {
    const results = await Promise.allSettled(Array.from({ length: MAX_WAITING + 8 }, () => exportConceptPdf(town.viewer, ids.conceptId, { history: true })));
    const done = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
    expect(refused.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThanOrEqual(MAX_WAITING + 1);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "rate_limited", status: 429, message: "Gerade werden sehr viele PDFs erstellt. Bitte versuchen Sie es in einer Minute erneut." });
    }
    for (const r of done) expect((r as PromiseFulfilledResult<{ pdf: Buffer }>).value.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfQueueState()).toEqual({ running: 0, waiting: 0 });
    // Afterwards the next export is served again.
    await expect(exportConceptPdf(town.viewer, ids.conceptId)).resolves.toMatchObject({ pages: expect.any(Number) });
  }, 180_000);

  it("answers the overflow at the real export route with 429, the German message and Retry-After", async () => {
    session.id = town.viewer.sessionId;
    const conceptId = ids.conceptId;
    const call = () =>
      exportPdfRoute(new Request(`http://localhost/api/concepts/${conceptId}/export.pdf?history=1`), { params: Promise.resolve({ conceptId }) });
    const responses = await Promise.all(Array.from({ length: MAX_WAITING + 8 }, call));
    const refused = responses.filter((r) => r.status === 429);
    const served = responses.filter((r) => r.status === 200);
    // Nothing else: no 500 from an overloaded queue, no 401 from the session.
    expect(responses.map((r) => r.status).filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    expect(served.length).toBeGreaterThanOrEqual(MAX_WAITING + 1);
    for (const r of refused) {
      expect(r.headers.get("Retry-After")).toBe("60");
      expect(r.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(await r.json()).toEqual({
        error: { code: "rate_limited", message: "Gerade werden sehr viele PDFs erstellt. Bitte versuchen Sie es in einer Minute erneut." },
      });
    }
    for (const r of served) {
      expect(r.headers.get("Content-Type")).toBe("application/pdf");
      expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    }
    expect(pdfQueueState()).toEqual({ running: 0, waiting: 0 });
    // Once the queue has emptied, the same route serves the next export.
    const again = await call();
    expect(again.status).toBe(200);
    expect(again.headers.get("Retry-After")).toBeNull();
  }, 180_000);
});
