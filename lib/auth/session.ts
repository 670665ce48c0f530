import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getSessionUser, listMembershipsOfUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { requireRole, type Actor } from "@/lib/authz/require-role";

export type { Actor };
export { requireRole };

/**
 * The signed-in user, checked against the session table on every call: a cookie
 * whose session was ended (sign-out, removal) yields null. Read once per page render (the layout, the
 * page's metadata and the page all ask); server actions and route handlers read it on every call.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  const user = await getSessionUser({ sessionId });
  return user ? { ...user, sessionId } : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page (a page must not throw for a signed-out visitor). */
export async function pageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  return actor;
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthorized");
  return actor;
}

export const MUNICIPALITY_COOKIE = "kw_municipality";

/** The municipality the user works in now: the cookie's choice if still a member, else the first. */
export async function activeMembership(actor: Actor) {
  const all = await listMembershipsOfUser({ userId: actor.id });
  const chosen = (await cookies()).get(MUNICIPALITY_COOKIE)?.value;
  const active = all.find((m) => m.municipalityId === chosen) ?? all[0] ?? null;
  return { active, all };
}
