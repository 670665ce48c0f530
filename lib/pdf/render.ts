/**
 * The PDF engine of the process: one warm Typst compiler in one worker thread
 * (lib/pdf/worker.mjs, kept on globalThis), fed by a queue so that exports run
 * one at a time. Ten people pressing "PDF" wait in line; more than
 * MAX_WAITING get a clear German error instead of taking the server down.
 *
 * To compile another template with the same compiler and queue (e.g. the
 * Synopse), put `lib/pdf/templates/<name>.typ` beside richtext.typ, add the
 * name to PdfTemplate, and call
 *
 *   const { pdf, pages } = await renderPdf({ template: "synopse", data: model });
 *
 * In the template: `#let d = json(bytes(sys.inputs.data))` and
 * `#import "richtext.typ": rich-text, mark-insertion, mark-deletion`.
 * `data` reaches Typst only as JSON, never as markup.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, rateLimited } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { fontCoverage, printableData } from "./coverage";

export type PdfTemplate = "concept" | "synopse" | "sachstand";

export type RenderRequest = {
  template: PdfTemplate;
  /** any JSON-serialisable value; the template reads it as sys.inputs.data */
  data: unknown;
  /** extra files the template may read, by path inside the template folder (e.g. "/logo.png") */
  files?: { path: string; bytes: Uint8Array }[];
};

/** standard: "ua-1", or "tagged" when the content failed a PDF/UA-1 check (logged; still a tagged PDF). */
export type RenderResult = { pdf: Buffer; pages: number; standard: string; ms: number; waitedMs: number };

/** Longest queue (besides the running export) before new exports are refused. */
export const MAX_WAITING = 8;
/** Largest model accepted (JSON bytes): far above a 300-page concept, far below what hurts the server. */
export const MAX_DATA_BYTES = 12 * 1024 * 1024;
/** A compile taking longer than this is stopped and the compiler started anew. */
export const COMPILE_TIMEOUT_MS = 90_000;

export const pdfPaths = {
  root: () => path.join(process.env.KONZEPTWERK_ROOT ?? process.cwd(), "lib", "pdf"),
  templates: () => path.join(pdfPaths.root(), "templates"),
  fonts: () => path.join(pdfPaths.root(), "fonts"),
};

type Job = {
  id: number;
  template: PdfTemplate;
  json: string;
  files: { path: string; bytes: Uint8Array }[];
  queuedAt: number;
  resolve: (r: RenderResult) => void;
  reject: (e: unknown) => void;
};

type WorkerReply =
  | { id: number; ok: true; pdf: Uint8Array; pages: number; standard: string; totalMs: number }
  | { id: number; ok: false; error: string };

type Engine = { worker: Worker | null; queue: Job[]; running: Job | null; nextId: number; timer: NodeJS.Timeout | null };

const globalForPdf = globalThis as unknown as { konzeptwerkPdf?: Engine };

function engine(): Engine {
  return (globalForPdf.konzeptwerkPdf ??= { worker: null, queue: [], running: null, nextId: 1, timer: null });
}

function startWorker(e: Engine): Worker {
  // Loaded by Node from the repository at run time, not bundled: given a path, the bundler
  // would build its own worker chunk (and break the native module's loading), so the thread
  // starts from a one-line bootstrap that imports the file.
  const script = pathToFileURL(path.join(pdfPaths.root(), "worker.mjs")).href;
  const worker = new Worker(`import(${JSON.stringify(script)}).catch((e) => { throw e; });`, {
    eval: true,
    workerData: { templatesDir: pdfPaths.templates(), fontsDir: pdfPaths.fonts() },
  });
  // The server may exit while the compiler idles.
  worker.unref();
  worker.on("message", (reply: WorkerReply) => finish(e, reply));
  worker.on("error", (error) => fail(e, worker, error));
  worker.on("exit", (code) => fail(e, worker, new Error(`PDF-Worker beendet (Code ${code})`)));
  return worker;
}

/** The worker died or hung: reject the running job and start afresh on the next one. */
function fail(e: Engine, worker: Worker, error: unknown) {
  if (e.worker !== worker) return;
  e.worker = null;
  void worker.terminate();
  const job = e.running;
  e.running = null;
  if (e.timer) clearTimeout(e.timer);
  if (job) {
    log.error({ event: "pdf.worker_failed", error: errorFields(error) }, "PDF-Satz abgebrochen");
    job.reject(new AppError("bad_request", "Das PDF konnte nicht erstellt werden (der Satz wurde abgebrochen). Bitte versuchen Sie es erneut."));
  }
  pump(e);
}

function finish(e: Engine, reply: WorkerReply) {
  const job = e.running;
  if (!job || job.id !== reply.id) return;
  e.running = null;
  if (e.timer) clearTimeout(e.timer);
  if (reply.ok) {
    job.resolve({ pdf: Buffer.from(reply.pdf), pages: reply.pages, standard: reply.standard, ms: reply.totalMs, waitedMs: 0 });
  } else {
    // Typst's message may quote the document: only where in our templates it failed, and a hash to group equal failures.
    log.error({ event: "pdf.typst_failed", ...typstErrorFields(reply.error) }, "Typst konnte das PDF nicht setzen");
    job.reject(new AppError("bad_request", "Das PDF konnte nicht gesetzt werden. Bitte melden Sie den Fehler der Administration."));
  }
  pump(e);
}

function pump(e: Engine) {
  if (e.running) return;
  const job = e.queue.shift();
  if (!job) return;
  e.running = job;
  let worker: Worker;
  try {
    worker = e.worker ??= startWorker(e);
  } catch (error) {
    // No compiler at all (a broken install): answer every waiting export, do not hang.
    e.running = null;
    log.error({ event: "pdf.worker_unavailable", error: errorFields(error) }, "PDF-Compiler nicht verfügbar");
    for (const j of [job, ...e.queue.splice(0)]) j.reject(new AppError("bad_request", "Der PDF-Export ist auf diesem Server nicht verfügbar. Bitte melden Sie den Fehler der Administration."));
    return;
  }
  const waited = Date.now() - job.queuedAt;
  const resolve = job.resolve;
  job.resolve = (r) => resolve({ ...r, waitedMs: waited });
  e.timer = setTimeout(() => fail(e, worker, new Error("PDF-Satz dauerte zu lange")), COMPILE_TIMEOUT_MS);
  e.timer.unref();
  worker.postMessage({
    id: job.id,
    template: `${job.template}.typ`,
    inputs: { data: job.json },
    files: job.files,
    timestamp: Math.floor(Date.now() / 1000),
  });
}

/** Typeset `data` with a template of lib/pdf/templates (PDF/UA-1, tagged). Queued; throws AppError with a German message. */
export function renderPdf(request: RenderRequest): Promise<RenderResult> {
  // A character no shipped font has would fail PDF/UA-1 for the whole document: print □ instead.
  const json = JSON.stringify(printableData(request.data, fontCoverage(pdfPaths.fonts())));
  if (Buffer.byteLength(json) > MAX_DATA_BYTES) {
    return Promise.reject(
      new AppError("too_large", "Das Dokument ist zu groß für den PDF-Export. Bitte exportieren Sie es als JSON-Sicherung oder kürzen Sie es."),
    );
  }
  const e = engine();
  if (e.queue.length >= MAX_WAITING) {
    return Promise.reject(rateLimited("Gerade werden sehr viele PDFs erstellt. Bitte versuchen Sie es in einer Minute erneut.", 60_000));
  }
  return new Promise<RenderResult>((resolve, reject) => {
    e.queue.push({ id: e.nextId++, template: request.template, json, files: request.files ?? [], queuedAt: Date.now(), resolve, reject });
    pump(e);
  });
}

function typstErrorFields(message: string) {
  const locations = [...new Set(message.match(/[\w./-]+\.typ:\d+:\d+/g) ?? [])].slice(0, 5);
  return { locations, messageHash: createHash("sha256").update(message).digest("hex").slice(0, 12) };
}

/** Exports waiting and running right now (for tests and the health of the queue). */
export function pdfQueueState() {
  const e = engine();
  return { running: e.running ? 1 : 0, waiting: e.queue.length };
}
