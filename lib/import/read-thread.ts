/**
 * Reads a document file in a worker thread (read-worker.ts), so that parsing it does not hold this process: a Word
 * file of 79,000 short paragraphs took 21 s to read, and for those 21 s the server answered nobody (GET /api/health
 * took 18 s). The thread runs the TypeScript sources through tsx, as `npm start` does, started from a one-line
 * bootstrap (like the PDF worker, lib/pdf/render.ts: the bundler must not build a chunk of its own for it). It stays
 * for the next file (the mapping step and the import read the same file twice; starting costs about 1–1.5 s) and is
 * stopped after IDLE_MS without work, so the memory of a large file goes with it. Files come one at a time
 * (read-queue.ts).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import type { ImportFormat } from "./detect";
import type { Outline } from "./outline";

export type ReadRequest = { id: number; format: Exclude<ImportFormat, "backup">; fileName: string; bytes: Uint8Array };
export type ReadReply =
  | { ready: true }
  | { id: number; ok: true; outline: Outline }
  | { id: number; ok: false; refused: { code: ErrorCode; message: string; details?: unknown } }
  | { id: number; ok: false; failed: string };

/** A file still being read after this long is given up (the thread is stopped). */
export const READ_TIMEOUT_MS = 120_000;
/** The thread is stopped after this long without a file. */
export const IDLE_MS = 30_000;
/** The thread's own heap: a large file needs about 1.2 GB (lib/import/zip.ts bounds what it unpacks). */
const HEAP_MB = 2048;

const FAILED = "Die Datei ließ sich nicht lesen (zu umfangreich oder beschädigt). Bitte prüfen Sie sie oder importieren Sie das Konzept in mehreren Teilen.";

type Job = { id: number; format: ReadRequest["format"]; resolve: (o: Outline) => void; reject: (e: unknown) => void; timer: NodeJS.Timeout };
type Thread = { worker: Worker; ready: boolean; job: Job | null; idle: NodeJS.Timeout | null };

const state = globalThis as unknown as { konzeptwerkReadThread?: Thread | null; konzeptwerkReadId?: number };

function startThread(): Thread {
  const root = process.env.KONZEPTWERK_ROOT ?? process.cwd();
  // (the ES module of tsx's API: its CommonJS twin registers a loader path that does not exist)
  const tsxPackage = createRequire(path.join(root, "package.json")).resolve("tsx/package.json");
  const setup = {
    tsx: pathToFileURL(path.join(path.dirname(tsxPackage), "dist", "esm", "api", "index.mjs")).href,
    tsconfig: path.join(root, "tsconfig.scripts.json"),
    entry: pathToFileURL(path.join(root, "lib", "import", "read-worker.ts")).href,
  };
  const worker = new Worker(
    `const { workerData } = require("node:worker_threads");
     import(workerData.tsx).then(({ register }) => { register({ tsconfig: workerData.tsconfig }); return import(workerData.entry); });`,
    { eval: true, workerData: setup, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } },
  );
  // The server may exit while the thread idles.
  worker.unref();
  const thread: Thread = { worker, ready: false, job: null, idle: null };
  worker.on("message", (reply: ReadReply) => {
    if ("ready" in reply) {
      thread.ready = true;
      return;
    }
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    finish(thread, job);
    if (reply.ok) job.resolve(reply.outline);
    else if ("refused" in reply) job.reject(new AppError(reply.refused.code, reply.refused.message, reply.refused.details));
    else {
      log.error({ event: "import.read_failed", format: job.format, error: { type: reply.failed.split(":")[0] } }, "Einlesen einer Datei gescheitert");
      job.reject(new AppError("bad_request", FAILED));
    }
  });
  worker.on("error", (error) => stop(thread, error.name, error));
  worker.on("exit", (code) => stop(thread, `Code ${code}`));
  return thread;
}

/** A job done: the thread waits IDLE_MS for the next one. */
function finish(thread: Thread, job: Job) {
  clearTimeout(job.timer);
  thread.job = null;
  if (thread.idle) clearTimeout(thread.idle);
  thread.idle = setTimeout(() => stop(thread, "idle"), IDLE_MS);
  thread.idle.unref();
}

/**
 * The thread ends (idle, failed, timed out): its job, if any, is rejected. Until the thread had loaded its code, a
 * failure is the server's (an install without tsx, a missing file), an unexpected error, not "your file is damaged".
 */
function stop(thread: Thread, why: string, error?: unknown) {
  if (state.konzeptwerkReadThread === thread) state.konzeptwerkReadThread = null;
  if (thread.idle) clearTimeout(thread.idle);
  const job = thread.job;
  thread.job = null;
  void thread.worker.terminate();
  if (!job) return;
  clearTimeout(job.timer);
  if (error) log.error({ event: "import.read_worker_failed", format: job.format, ready: thread.ready, error: errorFields(error) }, "Einlese-Thread gescheitert");
  job.reject(thread.ready ? new AppError("bad_request", FAILED) : new Error(`Der Einlese-Thread ist nicht gestartet (${why}).`));
}

export function readInWorker(format: ReadRequest["format"], fileName: string, bytes: Uint8Array): Promise<Outline> {
  // (read-queue.ts lets one file at a time through; should another come meanwhile, it gets a thread of its own)
  let thread = state.konzeptwerkReadThread;
  if (!thread || thread.job) {
    thread = startThread();
    state.konzeptwerkReadThread ??= thread;
  }
  if (thread.idle) clearTimeout(thread.idle);
  const id = (state.konzeptwerkReadId = (state.konzeptwerkReadId ?? 0) + 1);
  return new Promise<Outline>((resolve, reject) => {
    const timer = setTimeout(() => {
      log.warn({ event: "import.read_timeout", format, ms: READ_TIMEOUT_MS }, "Einlesen einer Datei abgebrochen: dauerte zu lange");
      stop(thread, "Zeitüberschreitung");
    }, READ_TIMEOUT_MS);
    thread.job = { id, format, resolve, reject, timer };
    thread.worker.postMessage({ id, format, fileName, bytes } satisfies ReadRequest);
  });
}
