import "server-only";
import type { Actor } from "@/lib/authz/require-role";
import { loadPdfModel, pdfFileName, type PdfOptions } from "@/lib/pdf/export";
import { recordExport } from "@/lib/ops/metrics";
import { renderDocx } from "./docx";
import { takeExportPoint } from "./limit";
import { ODT_MIMETYPE, renderOdt } from "./odt";

export type OfficeFormat = "docx" | "odt";

export const OFFICE_CONTENT_TYPES: Record<OfficeFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: ODT_MIMETYPE,
};

/**
 * The concept (or one stored version) as a Word or OpenDocument file, typeset
 * from the same model as the PDF and the print preview (loadPdfModel: same
 * access check, same version handling, same annexes), named like the PDF.
 */
export async function exportConceptOffice(actor: Actor, conceptId: string, format: OfficeFormat, options: PdfOptions = {}) {
  // Word shows open proposals as its own tracked changes; ODT prints the text without them (and the annex, when asked).
  const { model, municipality, version, date } = await loadPdfModel(actor, conceptId, { ...options, trackedChanges: format === "docx" && !!options.suggestions });
  await takeExportPoint(actor);
  const started = performance.now();
  // A copy into a plain ArrayBuffer, as a Response body wants it.
  const bytes = new Uint8Array(format === "docx" ? await renderDocx(model) : renderOdt(model));
  recordExport(format);
  return {
    bytes,
    contentType: OFFICE_CONTENT_TYPES[format],
    fileName: pdfFileName(municipality, version?.number ?? null, date, format),
    ms: performance.now() - started,
  };
}
