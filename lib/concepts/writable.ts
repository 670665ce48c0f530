import "server-only";
import { getDb, type Executor } from "@/db";
import { lockConceptForWrite, touchConceptRow, updateConceptMetaRow, type WriteRefusal } from "@/db/queries/concepts";
import { AppError } from "@/lib/errors";
import { ADOPTED_READ_ONLY_MESSAGE, ARCHIVED_READ_ONLY_MESSAGE } from "./status";

function refuse(reason: WriteRefusal): never {
  if (reason === "not_found") throw new AppError("not_found");
  if (reason === "archived") throw new AppError("conflict", ARCHIVED_READ_ONLY_MESSAGE);
  throw new AppError("conflict", ADOPTED_READ_ONLY_MESSAGE);
}

/**
 * The same refusals for a concept row read under its lock, before writing a version's or a file's content over the
 * live rows: requireConcept checked before the lock, and an adoption, archiving or deletion may have committed since.
 */
export function refuseUnwritable(concept: { status: string; archivedAt: Date | null; deleteAfter: Date | null }) {
  if (concept.deleteAfter) refuse("not_found");
  if (concept.archivedAt) refuse("archived");
  if (concept.status === "adopted") refuse("adopted");
}

/**
 * Mark the concept as changed, at the end of every content write's transaction.
 * Refuses (and so rolls the write back) when the concept is adopted: a save that
 * passed the status check just before an adoption committed waits here for the
 * adoption's row lock and then finds the concept adopted.
 */
export async function touchConcept(input: { conceptId: string }, db: Executor) {
  const refusal = await touchConceptRow(input, db);
  if (refusal) refuse(refusal);
}

/** Store a new title and/or settings; refuses like `touchConcept`. */
export async function updateConceptMeta(input: { conceptId: string; title?: string; settings?: Record<string, unknown> }, db?: Executor) {
  const refusal = await updateConceptMetaRow(input, db);
  if (refusal) refuse(refusal);
}

/**
 * A transaction that writes a concept's content, with the concept's row locked first. A restore or an import
 * locks the concept and then its fields, parts and measures; a write that locked a field or part first and the
 * concept only at its end (touchConcept) could wait on it in a circle, and PostgreSQL would abort one of them
 * (a deadlock). Taking the concept first gives every writer the same order.
 */
export async function conceptTransaction<T>(conceptId: string, work: (tx: Executor) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockConceptForWrite({ conceptId }, tx);
    return work(tx);
  });
}
