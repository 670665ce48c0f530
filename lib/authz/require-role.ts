import "server-only";
import { getMembership } from "@/db/queries/users";
import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, type Action } from "./permissions";

/** The signed-in user as the domain sees it (see lib/auth/session.ts). */
export type Actor = { id: string; email: string; name: string; sessionId: string };

/**
 * The actor's role in a municipality, or a 404 when not a member (another
 * municipality's ids are indistinguishable from missing ones); 403 when the role
 * may not do the action.
 */
export async function requireRole(actor: Actor, municipalityId: string, action: Action): Promise<Role> {
  const membership = await getMembership({ userId: actor.id, municipalityId });
  if (!membership) throw new AppError("not_found");
  if (!can(membership.role, action)) throw new AppError("forbidden");
  return membership.role;
}
