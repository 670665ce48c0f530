/**
 * A large concept comes back in from Konzeptwerk's own Word export: a measure
 * prints as a table of about 165 elements, so 160 measures pass the 25,000
 * elements the import allowed before (found by the import benchmark), and the
 * file was refused as "zu umfangreich" although it is an ordinary Fortschreibung.
 */
import { describe, expect, it } from "vitest";
import { renderDocx } from "@/lib/export/docx";
import { buildPdfModel } from "@/lib/pdf/model";
import { sampleConcept } from "@/lib/pdf/sample";
import { docxToHtml } from "./docx";
import { MAX_HTML_ELEMENTS } from "./html-outline";
import { applyMapping } from "./mapping";
import { proposalOf, readOutline } from "./service";

const MEASURES = 160;

describe("the Word export of a concept with many measures", () => {
  it(
    `imports with all ${MEASURES} measures and every word placed`,
    async () => {
      const data = sampleConcept({ pages: 10, measures: MEASURES, title: "Integrationskonzept Großstadt" });
      const model = buildPdfModel({ data, municipality: "Musterstadt", version: null, date: new Date("2026-03-01T12:00:00Z"), logo: null, history: null });
      const bytes = new Uint8Array(await renderDocx(model));
      const { html } = await docxToHtml(bytes, "konzept.docx");
      const elements = html.match(/<[A-Za-z]/g)!.length;
      expect(elements).toBeGreaterThan(25_000);
      expect(elements).toBeLessThan(MAX_HTML_ELEMENTS);

      const outline = await readOutline("docx", "konzept.docx", bytes);
      const proposal = proposalOf(outline, "docx", "konzept.docx");
      const { concept, report } = applyMapping(outline, proposal, {});
      expect(concept.measures).toHaveLength(MEASURES);
      const last = concept.measures.find((m) => m.title === data.measures.at(-1)!.title);
      expect(last?.materialCostCents).toBe(data.measures.at(-1)!.materialCostCents);
      expect(report.wordsPlaced).toBe(report.wordsIn);
      expect(report.unplaced).toEqual([]);
    },
    120_000,
  );
});
