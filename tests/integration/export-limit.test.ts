/** The installation's export limit per person (lib/export/limit.ts), at each export that typesets a document. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { exportConceptOffice } from "@/lib/export/office";
import { EXPORT_LIMIT, takeExportPoint } from "@/lib/export/limit";
import { exportConceptPdf } from "@/lib/pdf/export";
import { exportSynopsePdf } from "@/lib/versions/synopse-export";
import { createVersion } from "@/lib/versions/service";
import { populatedTown, type Ids, type Town } from "../support/scenario";

let town: Town;
let ids: Ids;
let stranger: Town;
beforeAll(async () => {
  ({ town, ids } = await populatedTown("Exportstadt"));
  ({ town: stranger } = await populatedTown("Fremdexport"));
  await createVersion(town.editor, { conceptId: ids.conceptId, label: "eins" });
});
afterAll(() => closeDb());

describe("the export limit", () => {
  it("refuses a person's exports beyond the limit with 429 and a German message, and leaves everybody else alone", async () => {
    // A real export counts a point.
    await expect(exportConceptOffice(town.viewer, ids.conceptId, "odt")).resolves.toMatchObject({ fileName: expect.anything() });
    for (let i = 1; i < EXPORT_LIMIT.points; i++) await takeExportPoint(town.viewer);
    const refused = { code: "rate_limited", status: 429, message: expect.stringMatching(/^Sie haben in kurzer Zeit sehr viele Exporte gestartet\. Bitte warten Sie \d+ Minuten und versuchen Sie es dann erneut\.$/) };
    await expect(exportConceptPdf(town.viewer, ids.conceptId)).rejects.toMatchObject(refused);
    await expect(exportConceptOffice(town.viewer, ids.conceptId, "docx")).rejects.toMatchObject(refused);
    await expect(exportSynopsePdf(town.viewer, { conceptId: ids.conceptId, from: 1, to: "draft" })).rejects.toMatchObject(refused);
    // Another person of the same municipality exports as usual.
    await expect(exportConceptOffice(town.editor, ids.conceptId, "odt")).resolves.toMatchObject({ fileName: expect.anything() });
  });

  it("checks access before counting: another municipality's concept stays a 404", async () => {
    for (let i = 0; i < EXPORT_LIMIT.points; i++) await takeExportPoint(stranger.admin);
    await expect(exportConceptPdf(stranger.admin, ids.conceptId)).rejects.toMatchObject({ code: "not_found" });
    await expect(exportConceptOffice(stranger.admin, ids.conceptId, "odt")).rejects.toMatchObject({ code: "not_found" });
  });
});
