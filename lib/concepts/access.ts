import "server-only";
import { getConceptById } from "@/db/queries/concepts";
import { AppError } from "@/lib/errors";
import type { Action } from "@/lib/authz/permissions";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { ADOPTED_READ_ONLY_MESSAGE, ARCHIVED_READ_ONLY_MESSAGE } from "./status";

/**
 * Actions that change a concept's content: refused on an adopted concept, whoever asks.
 * Not the monitoring ("monitoring.record"): Ist-Werte and yearly statuses are written after adoption.
 */
const CONTENT_WRITES: readonly Action[] = ["concept.editContent", "concept.editSettings", "version.restore", "suggestion.decide"];
/** Refused on an archived concept, whoever asks: every change of its content, status, versions, comments and review rounds. */
const ARCHIVE_REFUSES: readonly Action[] = [
  ...CONTENT_WRITES,
  "concept.changeStatus",
  "concept.import",
  "version.create",
  "monitoring.record",
  "comment.create",
  "comment.moderate",
  "review.manage",
  "review.answer",
];

/**
 * Load a concept for an actor and check the action against the actor's role in
 * the concept's municipality. Another municipality's concept is a 404, exactly
 * like a missing one. Content writes to an adopted concept are a 409 (its
 * content is what the council decided; a Fortschreibung starts a new draft).
 * A concept marked for deletion is a 404 for everyone (only lib/concepts/lifecycle
 * reaches it, to restore it); an archived one can be read, exported and compared, but not changed.
 */
export async function requireConcept(actor: Actor, conceptId: string, action: Action) {
  const concept = await getConceptById({ id: conceptId });
  // The same error as requireRole's for a foreign municipality: nothing tells that the concept exists.
  if (!concept || concept.deleteAfter) throw new AppError("not_found");
  const role = await requireRole(actor, concept.municipalityId, action);
  if (concept.status === "adopted" && CONTENT_WRITES.includes(action)) throw new AppError("conflict", ADOPTED_READ_ONLY_MESSAGE);
  if (concept.archivedAt && ARCHIVE_REFUSES.includes(action)) throw new AppError("conflict", ARCHIVED_READ_ONLY_MESSAGE);
  return { concept, role };
}

/** True when the concept's content may no longer change (the UI shows it read-only). */
export function isReadOnly(concept: { status: string; archivedAt?: Date | null }) {
  return concept.status === "adopted" || !!concept.archivedAt;
}
