/** Export → import keeps alignment: the app's own DOCX and ODT read back by the importers and the import's outline. */
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { aligned, doc, p } from "@/lib/editor/build";
import { renderDocx } from "@/lib/export/docx";
import { renderOdt } from "@/lib/export/odt";
import { buildPdfModel } from "@/lib/pdf/model";
import { sampleConcept } from "@/lib/pdf/sample";
import { htmlToOutline } from "./html-outline";
import { docxToHtml } from "./docx";
import { odtToHtml } from "./odt";

describe("import and alignment", () => {
  it.each(["docx", "odt"] as const)("%s: keeps centred, right-aligned and justified paragraphs and leaves left ones without an alignment", async (format) => {
    const data = sampleConcept({ pages: 1, measures: 1 });
    const cell: JSONContent = { type: "tableCell", attrs: { colspan: 1, rowspan: 1, colwidth: null, textAlign: "center" }, content: [p("Zellmitte")] };
    data.sections[0]!.content = doc(
      aligned("center", p("Mittelachse")),
      aligned("right", p("Rechtskante")),
      aligned("justify", p("Blocksatzprobe")),
      p("Linkskante"),
      { type: "table", content: [{ type: "tableRow", content: [cell] }] },
    );
    const model = buildPdfModel({ data, municipality: "Musterstadt", version: null, date: new Date("2026-11-25T10:00:00Z"), logo: null, history: null });
    const { html } = format === "odt" ? odtToHtml(renderOdt(model)) : await docxToHtml(new Uint8Array(await renderDocx(model)), "konzept.docx");
    const nodes = htmlToOutline(html).blocks.flatMap((b) => b.content);
    const find = (text: string): JSONContent | undefined => {
      const walk = (n: JSONContent): JSONContent | undefined =>
        n.type === "paragraph" && n.content?.[0]?.text === text ? n : n.content?.map(walk).find(Boolean);
      return nodes.map(walk).find(Boolean);
    };
    expect(find("Mittelachse")?.attrs).toEqual({ textAlign: "center" });
    expect(find("Rechtskante")?.attrs).toEqual({ textAlign: "right" });
    expect(find("Blocksatzprobe")?.attrs).toEqual({ textAlign: "justify" });
    expect(find("Linkskante")).toBeDefined();
    expect(find("Linkskante")?.attrs).toBeUndefined();
    // The cell's alignment was written onto its paragraph (Word and ODF align paragraphs, not cells).
    expect(find("Zellmitte")?.attrs).toEqual({ textAlign: "center" });
  });
});
