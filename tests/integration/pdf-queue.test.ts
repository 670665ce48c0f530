/**
 * The real PDF queue under load (issue 18: the 429 was only ever faked in the
 * browser test): one export runs, MAX_WAITING wait, every further one is
 * refused at once with 429 and the German message, and the queue empties.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
