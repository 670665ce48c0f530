/**
 * The read worker's thread (started by read-thread.ts): reads one file per message and answers with its outline, or
 * with the refusal (an AppError's code, message and details) or the failure. It says first that it has loaded.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { readOutlineHere } from "./read-outline";
import type { ReadReply, ReadRequest } from "./read-thread";

// Loaded: from now on a failure is the file's, not the server's (read-thread.ts).
parentPort!.postMessage({ ready: true } satisfies ReadReply);

parentPort!.on("message", async (request: ReadRequest) => {
  let reply: ReadReply;
  try {
    reply = { id: request.id, ok: true, outline: await readOutlineHere(request.format, request.fileName, request.bytes) };
  } catch (error) {
    reply =
      error instanceof AppError
        ? { id: request.id, ok: false, refused: { code: error.code, message: error.message, details: error.details } }
        : { id: request.id, ok: false, failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  parentPort!.postMessage(reply);
});
