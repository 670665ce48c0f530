/**
 * Reads a document file in a worker thread of its own (read-worker.ts), so that parsing it does not hold this
 * process: a Word file of 79,000 short paragraphs took 21 s to read, and for those 21 s the server answered nobody
 * (GET /api/health took 18 s). The thread is started per file and ends with it, so its memory goes with it; it runs
 * the TypeScript sources through tsx, as `npm start` does, started from a one-line bootstrap (like the PDF worker,
 * lib/pdf/render.ts: the bundler must not build a chunk of its own for it).
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import type { ImportFormat } from "./detect";
import type { Outline } from "./outline";

export type ReadRequest = { format: Exclude<ImportFormat, "backup">; fileName: string; bytes: Uint8Array };
export type ReadReply =
  | { ok: true; outline: Outline }
  | { ok: false; refused: { code: ErrorCode; message: string; details?: unknown } }
  | { ok: false; failed: string };

/** A file still being read after this long is given up (the thread is stopped). */
export const READ_TIMEOUT_MS = 120_000;
/** The thread's own heap: a large file needs about 1.2 GB (lib/import/zip.ts bounds what it unpacks). */
const HEAP_MB = 2048;

const FAILED = "Die Datei ließ sich nicht lesen (zu umfangreich oder beschädigt). Bitte prüfen Sie sie oder importieren Sie das Konzept in mehreren Teilen.";

export function readInWorker(format: ReadRequest["format"], fileName: string, bytes: Uint8Array): Promise<Outline> {
  const root = process.env.KONZEPTWERK_ROOT ?? process.cwd();
  // (the ES module of tsx's API: its CommonJS twin registers a loader path that does not exist)
  const tsxPackage = createRequire(path.join(root, "package.json")).resolve("tsx/package.json");
  const tsx = pathToFileURL(path.join(path.dirname(tsxPackage), "dist", "esm", "api", "index.mjs")).href;
  const setup = {
    tsx,
    tsconfig: path.join(root, "tsconfig.scripts.json"),
    entry: pathToFileURL(path.join(root, "lib", "import", "read-worker.ts")).href,
  };
  return new Promise<Outline>((resolve, reject) => {
    const worker = new Worker(
      `const { workerData } = require("node:worker_threads");
       import(workerData.tsx).then(({ register }) => { register({ tsconfig: workerData.tsconfig }); return import(workerData.entry); });`,
      { eval: true, workerData: setup, resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } },
    );
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done();
    };
    const timer = setTimeout(() => {
      log.warn({ event: "import.read_timeout", format, ms: READ_TIMEOUT_MS }, "Einlesen einer Datei abgebrochen: dauerte zu lange");
      settle(() => reject(new AppError("bad_request", FAILED)));
    }, READ_TIMEOUT_MS);
    worker.on("message", (reply: ReadReply) =>
      settle(() => {
        if (reply.ok) resolve(reply.outline);
        else if ("refused" in reply) reject(new AppError(reply.refused.code, reply.refused.message, reply.refused.details));
        else {
          log.error({ event: "import.read_failed", format, error: { type: reply.failed.split(":")[0] } }, "Einlesen einer Datei gescheitert");
          reject(new AppError("bad_request", FAILED));
        }
      }),
    );
    worker.on("error", (error) =>
      settle(() => {
        log.error({ event: "import.read_worker_failed", format, error: errorFields(error) }, "Einlese-Thread gescheitert");
        reject(new AppError("bad_request", FAILED));
      }),
    );
    worker.on("exit", () => settle(() => reject(new AppError("bad_request", FAILED))));
    worker.postMessage({ format, fileName, bytes } satisfies ReadRequest);
  });
}
