import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { recordAudit } from "@/db/queries/audit";
import { conceptsDueForPurge, deleteConceptDue, getConceptById, setConceptArchived, setConceptDeletion } from "@/db/queries/concepts";
import { notifyRealtime } from "@/db/queries/realtime";
import { lockConcept } from "@/db/queries/versions";
import type { Concept } from "@/db/schema";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";

/** Days between marking a concept for deletion and its purge; an admin can restore it until then. */
export const DELETION_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

type Step = "archive" | "unarchive" | "markForDeletion" | "restoreFromDeletion";

/**
 * The one path of an admin's archive and deletion steps: the concept locked,
 * the admin's role checked in its municipality (another municipality's concept
 * is a 404 like a missing one), the state checked under the lock, the change,
 * its audit entry, and a NOTIFY that makes the real-time server re-check every
 * open connection of the concept (archived: read-only; marked: closed).
 */
async function step(actor: Actor, conceptId: string, kind: Step, now: Date) {
  const found = await getConceptById({ id: conceptId });
  if (!found) throw new AppError("not_found");
  await requireRole(actor, found.municipalityId, "concept.delete");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const concept = await lockConcept({ conceptId }, tx);
    if (!concept) throw new AppError("not_found");
    const result = await apply(tx, actor, concept, kind, now);
    await notifyRealtime({ kind: "access", conceptId }, tx);
    return result;
  });
}

async function apply(tx: Executor, actor: Actor, concept: Concept, kind: Step, now: Date) {
  const audit = (action: string, details: Record<string, string | number | null> = {}) =>
    recordAudit(tx, { municipalityId: concept.municipalityId, actorId: actor.id, action, conceptId: concept.id, details: { title: concept.title, ...details } });
  const marked = concept.deleteAfter !== null;
  switch (kind) {
    case "archive":
      if (marked) throw new AppError("not_found");
      if (concept.archivedAt) throw new AppError("conflict", "Das Konzept ist bereits archiviert.");
      await setConceptArchived({ conceptId: concept.id, by: actor.id, at: now }, tx);
      await audit("concept.archive");
      return { archivedAt: now };
    case "unarchive":
      if (marked) throw new AppError("not_found");
      if (!concept.archivedAt) throw new AppError("conflict", "Das Konzept ist nicht archiviert.");
      await setConceptArchived({ conceptId: concept.id, by: null, at: null }, tx);
      await audit("concept.unarchive");
      return { archivedAt: null };
    case "markForDeletion": {
      if (marked) throw new AppError("conflict", "Das Konzept ist bereits zum Löschen vorgemerkt.");
      const deleteAfter = new Date(now.getTime() + DELETION_GRACE_DAYS * DAY_MS);
      await setConceptDeletion({ conceptId: concept.id, by: actor.id, deleteAfter }, tx);
      await audit("concept.mark_for_deletion", { deleteAfter: deleteAfter.toISOString().slice(0, 10) });
      return { deleteAfter };
    }
    case "restoreFromDeletion":
      if (!marked) throw new AppError("conflict", "Das Konzept ist nicht zum Löschen vorgemerkt.");
      await setConceptDeletion({ conceptId: concept.id, by: null, deleteAfter: null }, tx);
      await audit("concept.restore_from_deletion");
      return { deleteAfter: null };
  }
}

/** The confirmation names the concept: its exact title (surrounding spaces aside) or the ticked box. */
function confirmed(concept: { title: string }, confirm: unknown): boolean {
  return confirm === true || confirm === "on" || (typeof confirm === "string" && confirm.trim() === concept.title.trim());
}

/** Archive a concept (admins): it leaves the main list, stays readable, and nobody can change it. */
export async function archiveConcept(actor: Actor, input: { conceptId: string }, now: Date = new Date()) {
  return step(actor, input.conceptId, "archive", now);
}

/** Take a concept back out of the archive (admins). */
export async function unarchiveConcept(actor: Actor, input: { conceptId: string }, now: Date = new Date()) {
  return step(actor, input.conceptId, "unarchive", now);
}

/**
 * Mark a concept for deletion (admins, with the confirmation naming it): from now
 * on nobody can open it; after DELETION_GRACE_DAYS days the purge deletes it.
 */
export async function markConceptForDeletion(actor: Actor, input: { conceptId: string; confirm: unknown }, now: Date = new Date()) {
  const found = await getConceptById({ id: input.conceptId });
  if (found && !confirmed(found, input.confirm)) {
    await requireRole(actor, found.municipalityId, "concept.delete");
    throw new AppError("bad_request", "Bitte bestätigen Sie, dass dieses Konzept gelöscht werden soll.", { fieldErrors: { confirm: "Bitte bestätigen." } });
  }
  return step(actor, input.conceptId, "markForDeletion", now);
}

/** Restore a concept marked for deletion (admins), during the grace period. */
export async function restoreConceptFromDeletion(actor: Actor, input: { conceptId: string }, now: Date = new Date()) {
  return step(actor, input.conceptId, "restoreFromDeletion", now);
}

/**
 * Delete every concept whose grace period ended by `now`, with an audit entry
 * naming it (no actor: the schedule). Every process runs the schedule; the
 * delete of each concept runs under an advisory lock and re-checks the date, so
 * one process deletes it and a concept restored meanwhile stays.
 */
export async function purgeDeletedConcepts(now: Date = new Date()): Promise<{ purged: number }> {
  const db = await getDb();
  let purged = 0;
  for (const { id } of await conceptsDueForPurge({ now })) {
    purged += await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`konzeptwerk:concept-purge:${id}`}))`);
      const gone = await deleteConceptDue({ conceptId: id, now }, tx);
      if (!gone) return 0;
      await recordAudit(tx, { municipalityId: gone.municipalityId, actorId: null, action: "concept.purge", conceptId: gone.id, details: { title: gone.title } });
      return 1;
    });
  }
  return { purged };
}

/** Purge now and every hour (scripts/start.ts). */
export function startConceptPurge(): () => void {
  const run = () =>
    void purgeDeletedConcepts()
      .then(({ purged }) => purged && log.info({ event: "concepts.purged", purged }, "Zum Löschen vorgemerkte Konzepte endgültig gelöscht"))
      .catch((error: unknown) => log.error({ event: "concepts.purge_failed", error: errorFields(error) }, "Endgültiges Löschen von Konzepten fehlgeschlagen"));
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
