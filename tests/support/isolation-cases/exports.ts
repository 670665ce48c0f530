import { expect } from "vitest";
import { exportConceptPdf, loadPdfModel } from "@/lib/pdf/export";
import { exportConceptOffice } from "@/lib/export/office";
import { removeLogo, uploadLogo } from "@/lib/pdf/logo-service";
import { ADMINS_ONLY, EVERYONE_READS, type Case } from "./case";

export const EXPORT_CASES: Case[] = [
  // lib/pdf/*
  {
    module: "lib/pdf/export",
    fn: loadPdfModel,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => loadPdfModel(a, ids.conceptId, { version: 1, history: true }),
    expectOk: (r) => expect(r).toMatchObject({ model: { meta: { version: expect.stringMatching(/^Fassung 1/) } } }),
  },
  {
    module: "lib/pdf/export",
    fn: exportConceptPdf,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConceptPdf(a, ids.conceptId, {}),
    expectOk: (r) => expect((r as { pdf: Buffer }).pdf.subarray(0, 5).toString()).toBe("%PDF-"),
  },
  // lib/export/*
  {
    module: "lib/export/office",
    fn: exportConceptOffice,
    kind: "read",
    forbidden: EVERYONE_READS,
    objectIds: false,
    run: (a, ids) => exportConceptOffice(a, ids.conceptId, "odt", { version: 1 }),
    expectOk: (r) => expect((r as { contentType: string }).contentType).toBe("application/vnd.oasis.opendocument.text"),
  },
  {
    module: "lib/pdf/logo-service",
    fn: uploadLogo,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) =>
      uploadLogo(a, { municipalityId: ids.municipalityId, file: new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>']) }),
  },
  {
    module: "lib/pdf/logo-service",
    fn: removeLogo,
    kind: "write",
    forbidden: ADMINS_ONLY,
    objectIds: false,
    run: (a, ids) => removeLogo(a, { municipalityId: ids.municipalityId }),
  },
];
