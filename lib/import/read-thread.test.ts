/** Reading a large file does not hold the process: the file is parsed in a thread of its own (read-thread.ts). */
import { strToU8, zipSync } from "fflate";
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readOutline } from "./service";

/** A minimal .docx with a heading and `n` short paragraphs (20,000 of them take seconds to parse). */
function docxWith(n: number) {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const paragraphs = Array.from({ length: n }, (_, i) => `<w:p><w:r><w:t>Absatz ${i} über Sprachkurse.</w:t></w:r></w:p>`).join("");
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${w}><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Sprache</w:t></w:r></w:p>${paragraphs}</w:body></w:document>`),
  });
}

describe("reading a document file", () => {
  it("leaves the process free meanwhile: its event loop is mostly idle while 20,000 paragraphs are read", async () => {
    const before = performance.eventLoopUtilization();
    const outline = await readOutline("docx", "gross.docx", docxWith(20_000));
    const busy = performance.eventLoopUtilization(before).utilization;
    expect(outline.blocks.map((b) => b.title)).toEqual(["Sprache"]);
    // Parsed in this thread, the same read kept its event loop busy nearly all the time (about 0.95), and requests
    // waited behind it: a Word file of 79,000 paragraphs let GET /api/health wait 18 s.
    expect(busy).toBeLessThan(0.5);
  }, 120_000);

  it("passes the reader's German refusal on as it was", async () => {
    const read = readOutline("docx", "konzept.docx", strToU8("kein zip"));
    await expect(read).rejects.toBeInstanceOf(AppError);
    await expect(read).rejects.toMatchObject({ code: "bad_request", message: expect.stringMatching(/Word|Datei/) });
  });
});
