import pLimit from "p-limit";
import { rateLimited } from "@/lib/errors";

/**
 * Document files are read one at a time per process, each in a worker thread (read-thread.ts). Reading a large one
 * takes seconds of a core and up to about 1.2 GB of memory (lib/import/zip.ts bounds it); several at once would
 * starve the machine that also serves real-time editing, or exhaust its memory. A few more wait their turn; beyond that an
 * upload is refused at once with a 429, so that nothing piles up.
 */
export const OFFICE_READS = { atOnce: 1, waiting: 4 } as const;

/** How long the refused person is asked to wait: about what the reads ahead of them take. */
const RETRY_AFTER_MS = 30_000;

export const BUSY_READING =
  "Der Server liest gerade mehrere große Dateien ein. Bitte versuchen Sie es in einer halben Minute noch einmal; Ihre Datei wurde nicht übernommen.";

const limit = pLimit(OFFICE_READS.atOnce);

/** Runs `read` when an earlier office read has finished; refused with a 429 when too many are waiting. */
export function inOfficeReadQueue<T>(read: () => Promise<T>): Promise<T> {
  if (limit.activeCount + limit.pendingCount >= OFFICE_READS.atOnce + OFFICE_READS.waiting) {
    return Promise.reject(rateLimited(BUSY_READING, RETRY_AFTER_MS));
  }
  return limit(read);
}
