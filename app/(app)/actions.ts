"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { auth, signOut } from "@/auth";
import { deleteAuthSession } from "@/db/queries/users";
import { currentActor, MUNICIPALITY_COOKIE, requireRole } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** Sign out: the server-side session row goes first, so the cookie is dead even if it survives. */
export async function logout() {
  const actor = await currentActor();
  const sso = (await auth())?.sso;
  if (actor) await deleteAuthSession({ sessionId: actor.sessionId });
  await signOut({ redirect: false });
  // After single sign-on the login page offers the provider's own sign-out too.
  redirect(sso && /^oidc-\d+$/.test(sso) ? `/login?abgemeldet=1&sso_abmelden=${sso}` : "/login?abgemeldet=1");
}

export async function switchMunicipality(form: FormData) {
  const actor = await currentActor();
  if (!actor) redirect("/login");
  const municipalityId = String(form.get("municipalityId") ?? "");
  try {
    await requireRole(actor, municipalityId, "concept.read");
  } catch (error) {
    if (error instanceof AppError) redirect("/concepts");
    throw error;
  }
  (await cookies()).set(MUNICIPALITY_COOKIE, municipalityId, { httpOnly: true, sameSite: "lax", path: "/" });
  redirect("/concepts");
}
