/**
 * The bench's ~100-page concept and the timing of its exports through the
 * routes, shared by the PDF part (scripts/bench/pdf.ts) and the import part
 * (scripts/bench/import.ts), so both measure the same content the same way.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleConcept } from "@/lib/pdf/sample";

/** About 100 A4 pages in the Typst PDF: 45 pages of running text, every node type, 60 measures on top. */
export const BENCH_CONCEPT = { pages: 45, measures: 60 } as const;

export type Headers = { cookie: string; Origin: string };

/** Imports the bench concept (JSON backup) and returns its id and an `edit(n)` that changes one paragraph, as a real re-export follows an edit. */
export async function importBenchConcept(base: string, headers: Headers, title: string) {
  const backup = sampleConcept({ ...BENCH_CONCEPT, title });
  const imported = await fetch(`${base}/api/concepts/import`, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: JSON.stringify(backup) });
  if (imported.status !== 201) throw new Error(`import ${imported.status}: ${await imported.text()}`);
  const { id } = (await imported.json()) as { id: string };
  const tree = (await (await fetch(`${base}/api/concepts/${id}`, { headers })).json()) as { chapters: { mandate: { text: { id: string; revision: number; content: { content: unknown[] } } } } };
  const section = tree.chapters.mandate.text;
  let revision = section.revision;
  const edit = async (n: number) => {
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Geänderter Absatz Nr. ${n} (Messlauf).` }] }, ...section.content.content.slice(1)] };
    const res = await fetch(`${base}/api/concepts/${id}/sections/${section.id}`, {
      method: "PUT",
      headers: { ...headers, "Content-Type": "application/json" },
      body: JSON.stringify({ baseRevision: revision, content }),
    });
    if (!res.ok) throw new Error(`edit ${res.status}`);
    revision = ((await res.json()) as { revision: number }).revision;
  };
  return { id, edit };
}

export type ExportFormat = "pdf" | "docx" | "odt";

export type ExportTiming = {
  /** wall time of the HTTP request, each run after one warm-up */
  wall: number[];
  /** what the server reports: Typst compile + PDF for the PDF, render + zip for DOCX/ODT */
  server: number[];
  /** the warm-up (for the PDF: the process's first export, which starts the compiler) */
  first: number;
  bytes: number;
  /** pages the PDF route reports (x-pdf-pages); 0 for DOCX/ODT */
  pages: number;
  body: Buffer;
};

/** GET export.{format} once to warm up, then `runs` times, each after `edit(seed + i)`. */
export async function timeExport(base: string, headers: Headers, id: string, format: ExportFormat, runs: number, edit: (n: number) => Promise<void>, seed: number): Promise<ExportTiming> {
  const o: ExportTiming = { wall: [], server: [], first: 0, bytes: 0, pages: 0, body: Buffer.alloc(0) };
  const serverStep = format === "pdf" ? /typst;dur=([\d.]+)/ : /render;dur=([\d.]+)/;
  for (let i = 0; i <= runs; i++) {
    await edit(seed + i);
    const t0 = performance.now();
    const res = await fetch(`${base}/api/concepts/${id}/export.${format}`, { headers });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`export.${format} ${res.status}: ${body.toString("utf8").slice(0, 300)}`);
    if (i === 0) {
      o.first = ms;
      continue;
    }
    o.wall.push(ms);
    o.server.push(Number(serverStep.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN));
    o.bytes = body.length;
    o.pages = Number(res.headers.get("x-pdf-pages") ?? 0);
    o.body = body;
  }
  return o;
}

/** Pages of a PDF by pdfinfo (poppler-utils); 0 when it cannot tell. */
export function pdfPages(bytes: Uint8Array): number {
  const file = path.join(os.tmpdir(), `kw-bench-${process.pid}.pdf`);
  fs.writeFileSync(file, bytes);
  try {
    return Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? 0);
  } catch {
    return 0;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
