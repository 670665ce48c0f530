import "server-only";
import { getConceptById } from "@/db/queries/concepts";
import { AppError } from "@/lib/errors";
import type { Action } from "@/lib/authz/permissions";
import { requireRole, type Actor } from "@/lib/authz/require-role";

/**
 * Load a concept for an actor and check the action against the actor's role in
 * the concept's municipality. Another municipality's concept is a 404, exactly
 * like a missing one.
 */
export async function requireConcept(actor: Actor, conceptId: string, action: Action) {
  const concept = await getConceptById({ id: conceptId });
  // The same error as requireRole's for a foreign municipality: nothing tells that the concept exists.
  if (!concept) throw new AppError("not_found");
  const role = await requireRole(actor, concept.municipalityId, action);
  return { concept, role };
}
