/**
 * PDF benchmark (part of `npm run bench`, called by scripts/bench.ts with its
 * running server): a generated concept of about 100 pages with every node
 * type of the editor and 60 measures is imported, then
 *  - Typst: GET /api/concepts/{id}/export.pdf, one warm-up, then 5 runs, each
 *    after a small edit (a real re-export never hits an unchanged document);
 *    wall time of the HTTP request and the Typst time the server reports
 *  - Word and OpenDocument: GET …/export.docx and …/export.odt of the same
 *    concept (same model, other renderers), one warm-up, then 5 runs after
 *    the same kind of edit; wall time and the render time the server reports
 *  - Chromium: the print preview of the same content, page.goto + page.pdf,
 *    one warm-up, then 5 runs after the same kind of edit
 * and stores median and spread (min–max), pages and bytes in results.pdf.
 */
import type { BrowserContext } from "@playwright/test";
import { BENCH_CONCEPT, importBenchConcept, pdfPages, timeExport, type ExportTiming } from "./exports";
import { formatSpread, pct, spread } from "./stats";

type Args = { base: string; cookie: string; context: BrowserContext; results: Record<string, unknown>; runs?: number };

const round = (n: number) => Math.round(n);
const median = (values: number[]) => pct(values, 50);

export async function benchPdf({ base, cookie, context, results, runs = 5 }: Args) {
  const headers = { cookie, Origin: base };
  const { id, edit } = await importBenchConcept(base, headers, `PDF-Benchmark ${Date.now()}`);

  // Typst through the route, with the warm compiler of the running server; the warm-up starts the compiler thread and loads the fonts.
  const { wall: typst, server: typstServer, first: typstFirst, bytes: typstBytes, pages: typstPages } = await timeExport(base, headers, id, "pdf", runs, edit, 0);

  // Word and OpenDocument of the same concept through their routes: the same model, another renderer.
  const office = {} as Record<"docx" | "odt", ExportTiming>;
  for (const [f, format] of (["docx", "odt"] as const).entries()) office[format] = await timeExport(base, headers, id, format, runs, edit, 200 + f * 10);

  // Chromium: the print preview of the same content, printed to PDF.
  const page = await context.newPage();
  const chromium: number[] = [];
  let chromiumBytes = 0;
  let chromiumPages = 0;
  let chromiumFirst = 0;
  for (let i = 0; i <= runs; i++) {
    await edit(100 + i);
    const t0 = performance.now();
    await page.goto(`${base}/concepts/${id}/druckvorschau`, { waitUntil: "load" });
    const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "0", bottom: "0", left: "0", right: "0" }, preferCSSPageSize: true });
    const ms = performance.now() - t0;
    if (i === 0) {
      chromiumFirst = ms;
      continue;
    }
    chromium.push(ms);
    chromiumBytes = pdf.length;
    chromiumPages = pdfPages(pdf);
  }
  await page.close();

  results.pdf = {
    concept: { measures: BENCH_CONCEPT.measures, nodeTypes: "heading 3/4, paragraph, bold, italic, underline, strike, link, hardBreak, bullet/ordered (nested), blockquote, table with header row" },
    typst: { firstExportMs: round(typstFirst), ...spread(typst), server: spread(typstServer), runs: typst.map(round), pages: typstPages, bytes: typstBytes },
    chromium: { firstMs: round(chromiumFirst), ...spread(chromium), runs: chromium.map(round), pages: chromiumPages, bytes: chromiumBytes },
    typstShareOfChromium: Math.round((median(typst) / median(chromium)) * 100) / 100,
    office: Object.fromEntries(
      (["docx", "odt"] as const).map((format) => {
        const o = office[format];
        return [format, { firstExportMs: round(o.first), ...spread(o.wall), server: spread(o.server), runs: o.wall.map(round), bytes: o.bytes, shareOfTypst: Math.round((median(o.wall) / median(typst)) * 100) / 100 }];
      }),
    ),
    method: `each run after a one-paragraph edit; Typst: HTTP GET export.pdf (DB read + model + queue + compile + PDF) with the server's warm compiler, server = Typst compile+PDF in the worker; office: HTTP GET export.docx / export.odt (DB read + model + render + zip), server = render+zip; Chromium: page.goto(print preview) + page.pdf(A4); median and min–max of ${runs} runs after one warm-up`,
  };
  console.log(
    `PDF (${typstPages} Seiten, ${BENCH_CONCEPT.measures} Maßnahmen): Typst ${formatSpread(typst)}, davon Satz ${formatSpread(typstServer)}; erster Export des Prozesses ${round(typstFirst)} ms; ${Math.round(typstBytes / 1024)} KB; ` +
      `Chromium-Druck der Vorschau ${formatSpread(chromium)}, ${chromiumPages} Seiten, ${Math.round(chromiumBytes / 1024)} KB`,
  );
  for (const format of ["docx", "odt"] as const) {
    const o = office[format];
    console.log(
      `${format.toUpperCase()} desselben Konzepts: ${formatSpread(o.wall)}, davon Satz ${formatSpread(o.server)}; erster Export ${round(o.first)} ms; ${Math.round(o.bytes / 1024)} KB`,
    );
  }
}
