import "server-only";
import { getDb } from "@/db";
import {
  acceptInvitationsByIds,
  addMembership,
  confirmBySignOn,
  createSsoUser,
  getIdentityUser,
  groupRolesFor,
  linkIdentity,
  municipalitiesAllowingDomain,
  openInvitationsForEmail,
} from "@/db/queries/sso";
import { recordAudit } from "@/db/queries/audit";
import { deleteAuthSessionsOfUser, getUserByEmail } from "@/db/queries/users";
import { log } from "@/lib/log";
import { syncGroupMemberships } from "./groups";

export type SsoProfile = {
  /** the provider's issuer URL: identities of two providers never mix */
  issuer: string;
  subject: string;
  email?: string | null;
  /** the provider's `email_verified` claim; absent at many providers (ADFS, Entra ID) */
  emailVerified?: boolean | null;
  name?: string | null;
  /** the groups claim, lower-cased (groupsFromClaim); null when the token has none */
  groups?: string[] | null;
};

/** The domain of an e-mail address ("anna@rathaus.musterstadt.de" → "rathaus.musterstadt.de"). */
export const addressDomain = (email: string) => email.slice(email.lastIndexOf("@") + 1);

export type SsoSignInResult = { ok: true; userId: string } | { ok: false; reason: "unknown" | "no_email" };

/**
 * Who a sign-in through a provider is in this app. The role never comes from
 * the provider: it is the membership's, as the admin set it.
 *
 * 1. An identity linked before → that user.
 * 2. Otherwise by e-mail address (which the provider must not call unverified):
 *    an existing account, or open invitations to that address (they are accepted
 *    with their roles, a password-less account is created if needed). The
 *    identity is linked from then on. An account from the registration form whose
 *    address was never confirmed loses its password and sessions first.
 * 3. An unknown address joins as viewer where an admin allowed self-service for its
 *    domain, or with the role of a group an admin mapped (lib/sso/groups.ts);
 *    anyone else is refused.
 * At every sign-in whose token lists groups, memberships that came from groups follow them.
 */
export async function resolveSsoSignIn(profile: SsoProfile): Promise<SsoSignInResult> {
  const groups = profile.groups ?? null;
  const known = await getIdentityUser({ issuer: profile.issuer, subject: profile.subject });
  if (known) {
    if (groups) await (await getDb()).transaction((tx) => syncGroupMemberships(tx, { userId: known, groups }));
    return { ok: true, userId: known };
  }

  const email = profile.email?.trim().toLowerCase();
  if (!email || !email.includes("@") || profile.emailVerified === false) return { ok: false, reason: "no_email" };
  const domain = addressDomain(email);

  const db = await getDb();
  return db.transaction(async (tx): Promise<SsoSignInResult> => {
    const invited = await openInvitationsForEmail({ email }, tx);
    let userId = (await getUserByEmail({ email }, tx))?.id ?? null;
    // An account registered with this address that nobody has shown to be theirs: the provider vouches for it now,
    // so the account is its owner's, without the password whoever registered set, and nobody stays signed in to it.
    if (userId && (await confirmBySignOn({ userId }, tx))) {
      await deleteAuthSessionsOfUser({ userId }, tx);
      log.warn({ event: "sso.unconfirmed_account_taken_over", userId }, "Anmeldung über Single Sign-on: Passwort eines unbestätigten Kontos entfernt");
    }
    const selfService = userId || invited.length ? [] : await municipalitiesAllowingDomain({ domain }, tx);
    const byGroup = groups && !userId && invited.length === 0 ? (await groupRolesFor({ groups }, tx)).length > 0 : false;
    if (!userId && invited.length === 0 && selfService.length === 0 && !byGroup) return { ok: false, reason: "unknown" };

    if (!userId) {
      const name = profile.name?.trim() || email;
      userId = await createSsoUser({ email, name: name.slice(0, 200) }, tx);
      // Lost a race against a second sign-in or a registration: take the account that won.
      userId ??= (await getUserByEmail({ email }, tx))!.id;
    }
    for (const invitation of invited) {
      if (!(await addMembership({ userId, municipalityId: invitation.municipalityId, role: invitation.role }, tx))) continue;
      await recordAudit(tx, { municipalityId: invitation.municipalityId, actorId: userId, action: "invitation.accept", objectId: invitation.id, details: { email, role: invitation.role } });
    }
    await acceptInvitationsByIds({ ids: invited.map((i) => i.id) }, tx);
    // Groups before self-service: where a group gives a role, the domain's viewer role is not needed.
    if (groups) await syncGroupMemberships(tx, { userId, groups });
    for (const municipalityId of selfService) {
      if (await addMembership({ userId, municipalityId, role: "viewer" }, tx)) {
        await recordAudit(tx, { municipalityId, actorId: userId, action: "member.join_by_domain", objectId: userId, details: { role: "viewer", domain } });
      }
    }
    await linkIdentity({ issuer: profile.issuer, subject: profile.subject, userId }, tx);
    return { ok: true, userId };
  });
}
