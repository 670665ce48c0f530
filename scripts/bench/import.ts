/**
 * Import benchmark (part "import" of `npm run bench`; alone against a running
 * server: scripts/bench/import-run.ts). The bench's ~100-page concept
 * (scripts/bench/exports.ts: every node type of the editor, lists, tables,
 * sub-goals, 60 measures with money and dates) is exported as a user gets it,
 * GET …/export.docx, and once more as LibreOffice saves that file again
 * (soffice --convert-to docx: real files come from an office suite). Each file
 * through POST /api/concepts/import (multipart), one warm-up, then `runs` times:
 *  - without a mapping → 200 with the proposal (the mapping step; nothing written)
 *  - with mapping=auto → 201 (the import itself: a new concept each time)
 * wall time of the request and the server's split from its Server-Timing
 * (read: unzip + mammoth + outline; map: the proposal; apply: the mapping;
 * write: checks + the DB transaction). Beside it, the PDF/DOCX/ODT export of
 * the same concept from the same run: the PDF part's figures when it ran,
 * else measured here the same way (scripts/bench/exports.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { convertWithOffice } from "@/tests/support/office";
import { BENCH_CONCEPT, importBenchConcept, pdfPages, timeExport, type Headers } from "./exports";
import { DOCX_TYPE, multipart, pagesByWords, serverTimings } from "./import-file";
import { formatSpread, spread } from "./stats";

type Args = { base: string; cookie: string; results: Record<string, unknown>; runs?: number };

type Spread = ReturnType<typeof spread>;
type ExportRow = Spread & { bytes: number; pages?: number };
type Report = { wordsIn: number; wordsPlaced: number; unplaced: { where: string; text: string }[] };

const SOFFICE = process.env.SOFFICE ?? "/usr/bin/soffice";
const STEPS = ["read", "map", "apply", "write"] as const;
const STEP_NAMES: Record<(typeof STEPS)[number], string> = { read: "Lesen", map: "Vorschlag", apply: "Zuordnen", write: "Schreiben" };

/** POST the file `runs + 1` times (the first a warm-up); wall times, the server's steps, and the last answer. */
async function timeUpload(base: string, headers: Headers, file: { name: string; bytes: Uint8Array }, mapping: "auto" | null, runs: number) {
  const { body, contentType } = await multipart({ ...file, type: DOCX_TYPE }, mapping ? { mapping } : {});
  const wall: number[] = [];
  const steps: Record<string, number[]> = {};
  let first = 0;
  let last: unknown = null;
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now();
    // A Headers object does not spread ({...headers} is empty): the cookie and origin would be lost.
    const sent = new Headers(headers);
    sent.set("Content-Type", contentType);
    const post = () => fetch(`${base}/api/concepts/import`, { method: "POST", headers: sent, body });
    // A kept-alive connection that the server closed while LibreOffice was converting (its keep-alive is 5 s) fails once: send again.
    const res = await post().catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
      return post();
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    const expected = mapping ? 201 : 200;
    if (res.status !== expected) throw new Error(`import ${file.name} (${mapping ?? "Vorschlag"}): ${res.status} statt ${expected}: ${text.slice(0, 300)}`);
    last = JSON.parse(text);
    if (i === 0) {
      first = ms;
      continue;
    }
    wall.push(ms);
    for (const [step, dur] of Object.entries(serverTimings(res.headers.get("server-timing")))) (steps[step] ??= []).push(dur);
  }
  return { wall, steps, first, last };
}

const stepSpreads = (steps: Record<string, number[]>) => Object.fromEntries(Object.entries(steps).map(([step, values]) => [step, spread(values)]));
const stepText = (steps: Record<string, number[]>) =>
  STEPS.filter((s) => steps[s]?.length)
    .map((s) => `${STEP_NAMES[s]} ${spread(steps[s]!).medianMs}`)
    .join(", ");

/** The export side: the PDF part's figures of this run, or measured here on the import's concept. */
async function exportSide(base: string, headers: Headers, results: Args["results"], runs: number, id: string, edit: (n: number) => Promise<void>) {
  const pdf = results.pdf as { typst: ExportRow; office: Record<"docx" | "odt", ExportRow> } | undefined;
  if (pdf) {
    const res = await fetch(`${base}/api/concepts/${id}/export.docx`, { headers });
    if (!res.ok) throw new Error(`export.docx ${res.status}`);
    return { from: "pdf part of this run (a concept of the same content)", pdf: pdf.typst, docx: pdf.office.docx, odt: pdf.office.odt, docxBytes: new Uint8Array(await res.arrayBuffer()) };
  }
  const rows = {} as Record<"pdf" | "docx" | "odt", ExportRow>;
  let docxBytes = new Uint8Array();
  for (const [f, format] of (["pdf", "docx", "odt"] as const).entries()) {
    const t = await timeExport(base, headers, id, format, runs, edit, 300 + f * 10);
    rows[format] = { ...spread(t.wall), bytes: t.bytes, ...(format === "pdf" ? { pages: t.pages } : {}) };
    if (format === "docx") docxBytes = new Uint8Array(t.body);
  }
  return { from: "measured by the import part on its concept", ...rows, docxBytes };
}

export async function benchImport({ base, cookie, results, runs = 5 }: Args) {
  const headers = { cookie, Origin: base };
  const { id, edit } = await importBenchConcept(base, headers, `Import-Benchmark ${Date.now()}`);
  const exports = await exportSide(base, headers, results, runs, id, edit);

  // The files: the app's own export, and the same file after LibreOffice saved it again (its page count from its PDF conversion).
  const files: { key: "app" | "libreoffice"; label: string; name: string; bytes: Uint8Array }[] = [
    { key: "app", label: "DOCX aus dem Export der App", name: "Integrationskonzept-100-Seiten.docx", bytes: exports.docxBytes },
  ];
  let officePages = 0;
  if (fs.existsSync(SOFFICE)) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kw-bench-import-"));
    try {
      const file = path.join(dir, "Integrationskonzept-100-Seiten.docx");
      fs.writeFileSync(file, exports.docxBytes);
      officePages = pdfPages(convertWithOffice(file, "pdf"));
      files.push({ key: "libreoffice", label: "DOCX, von LibreOffice neu gespeichert", name: "Integrationskonzept-100-Seiten-LibreOffice.docx", bytes: new Uint8Array(convertWithOffice(file, "docx")) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log(`Import: LibreOffice (${SOFFICE}) fehlt – nur die DOCX aus dem Export der App, Seiten nach Wörtern geschätzt.`);
  }

  const measured: Record<string, unknown> = {};
  const lines: [string, string, string][] = [];
  const losses: string[] = [];
  for (const file of files) {
    const proposal = await timeUpload(base, headers, file, null, runs);
    const imported = await timeUpload(base, headers, file, "auto", runs);
    const { wordsIn, blocks } = (proposal.last as { proposal: { wordsIn: number; blocks: unknown[] } }).proposal;
    const { id: newId, report } = imported.last as { id: string; report: Report };
    const tree = (await (await fetch(`${base}/api/concepts/${newId}`, { headers })).json()) as { fields: { subGoals: unknown[]; measures: unknown[] }[] };
    const placed = { measures: tree.fields.reduce((n, f) => n + f.measures.length, 0), subGoals: tree.fields.reduce((n, f) => n + f.subGoals.length, 0) };
    if (report.wordsPlaced !== report.wordsIn || report.unplaced.length) losses.push(`${file.label}: ${report.wordsIn} Wörter in der Datei, ${report.wordsPlaced} übernommen`);
    if (placed.measures !== BENCH_CONCEPT.measures) losses.push(`${file.label}: ${placed.measures} von ${BENCH_CONCEPT.measures} Maßnahmen übernommen`);
    const pages = officePages || pagesByWords(wordsIn);
    measured[file.key] = {
      bytes: file.bytes.length,
      pages,
      pagesFrom: officePages ? "LibreOffice PDF conversion of the app's DOCX (pdfinfo)" : "words / 500",
      headings: blocks.length,
      wordsIn: report.wordsIn,
      wordsPlaced: report.wordsPlaced,
      unplaced: report.unplaced.length,
      ...placed,
      mappingStep: { firstMs: Math.round(proposal.first), ...spread(proposal.wall), server: stepSpreads(proposal.steps) },
      import: { firstMs: Math.round(imported.first), ...spread(imported.wall), server: stepSpreads(imported.steps) },
    };
    const size = `${Math.round(file.bytes.length / 1024)} KB`;
    lines.push([`Import ${file.label} (${size}): Zuordnungsschritt (200)`, formatSpread(proposal.wall), `Server: ${stepText(proposal.steps)}`]);
    lines.push([`Import ${file.label}: Import mit mapping=auto (201)`, formatSpread(imported.wall), `Server: ${stepText(imported.steps)}`]);
    console.log(
      `Import ${file.label}: ${size}, ${pages} Seiten, ${blocks.length} Überschriften, ${report.wordsIn} Wörter in der Datei, ${report.wordsPlaced} übernommen, ` +
        `${placed.measures} Maßnahmen, ${placed.subGoals} Teilziele; erster Aufruf ${Math.round(proposal.first)} ms`,
    );
  }
  const row = (r: ExportRow) => `${r.medianMs} ms (Median aus ${r.n}, ${r.minMs}–${r.maxMs} ms)`;
  lines.push([`Export PDF (Typst${exports.pdf.pages ? `, ${exports.pdf.pages} Seiten` : ""})`, row(exports.pdf), `${Math.round(exports.pdf.bytes / 1024)} KB`]);
  lines.push(["Export DOCX", row(exports.docx), `${Math.round(exports.docx.bytes / 1024)} KB`]);
  lines.push(["Export ODT", row(exports.odt), `${Math.round(exports.odt.bytes / 1024)} KB`]);

  results.import = {
    concept: { ...BENCH_CONCEPT, source: "lib/pdf/sample.ts sampleConcept, as the PDF part" },
    files: measured,
    exports: { from: exports.from, pdf: exports.pdf, docx: exports.docx, odt: exports.odt },
    losses,
    method: `POST /api/concepts/import multipart (file, and mapping=auto for the import); wall time of the HTTP request; server = Server-Timing of the route (read: unzip + mammoth + outline, map: proposal, apply: mapping, write: checks + DB transaction); median and min–max of ${runs} runs after one warm-up; each import creates a new concept`,
  };
  const width = Math.max(...lines.map((l) => l[0].length));
  const middle = Math.max(...lines.map((l) => l[1].length));
  const words = (measured.app as { wordsIn: number }).wordsIn;
  const pages = [exports.pdf.pages ? `${exports.pdf.pages} Seiten als PDF` : "", officePages ? `${officePages} in LibreOffice` : ""].filter(Boolean).join(", ");
  console.log(`\nImport und Export desselben Konzepts (${pages || "≈ 100 Seiten"}, ${words} Wörter, ${BENCH_CONCEPT.measures} Maßnahmen) in diesem Lauf, warm:`);
  for (const [label, time, extra] of lines) console.log(`  ${label.padEnd(width)}  ${time.padEnd(middle)}  ${extra}`);
  if (losses.length) console.log(`ACHTUNG, beim Import verloren: ${losses.join("; ")}`);
}
