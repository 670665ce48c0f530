import "server-only";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { invitations, memberships, municipalities, ssoDomains, ssoGroupRoles, userIdentities, users, type Role } from "@/db/schema";

export async function getIdentityUser({ issuer, subject }: { issuer: string; subject: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)))
    .limit(1);
  return row?.userId ?? null;
}

export async function linkIdentity({ issuer, subject, userId }: { issuer: string; subject: string; userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.insert(userIdentities).values({ issuer, subject, userId }).onConflictDoNothing();
}

export async function userHasIdentity({ userId }: { userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ userId: userIdentities.userId }).from(userIdentities).where(eq(userIdentities.userId, userId)).limit(1);
  return Boolean(row);
}

/** Open (not accepted, not expired) invitations to an address, locked until the transaction ends. */
export async function openInvitationsForEmail({ email }: { email: string }, tx: Executor) {
  return tx
    .select({ id: invitations.id, municipalityId: invitations.municipalityId, role: invitations.role })
    .from(invitations)
    .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())))
    .for("update");
}

export async function acceptInvitationsByIds({ ids }: { ids: string[] }, tx: Executor) {
  if (ids.length === 0) return;
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(inArray(invitations.id, ids));
}

/** A user without a password (signs in only through single sign-on); null when the address is taken. */
export async function createSsoUser({ email, name }: { email: string; name: string }, tx: Executor) {
  const [row] = await tx.insert(users).values({ email, name, passwordHash: null }).onConflictDoNothing({ target: users.email }).returning({ id: users.id });
  return row?.id ?? null;
}

/**
 * An account whose address was never confirmed, now named by a provider that vouches for it: the address is
 * confirmed and the password whoever registered it set is removed. Whether it was unconfirmed.
 */
export async function confirmBySignOn({ userId }: { userId: string }, tx: Executor): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ passwordHash: null, emailConfirmedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Whether the user was not a member yet (and now is). */
export async function addMembership({ userId, municipalityId, role }: { userId: string; municipalityId: string; role: Role }, tx: Executor): Promise<boolean> {
  const rows = await tx.insert(memberships).values({ userId, municipalityId, role }).onConflictDoNothing().returning({ userId: memberships.userId });
  return rows.length > 0;
}

export async function municipalitiesAllowingDomain({ domain }: { domain: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x.select({ municipalityId: ssoDomains.municipalityId }).from(ssoDomains).where(eq(ssoDomains.domain, domain));
  return rows.map((r) => r.municipalityId);
}

export async function listSsoDomains({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x.select({ domain: ssoDomains.domain }).from(ssoDomains).where(eq(ssoDomains.municipalityId, municipalityId)).orderBy(ssoDomains.domain);
  return rows.map((r) => r.domain);
}

export async function addSsoDomain({ municipalityId, domain }: { municipalityId: string; domain: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.insert(ssoDomains).values({ municipalityId, domain }).onConflictDoNothing();
}

/** Whether the domain was allowed (and is no longer). */
export async function removeSsoDomain({ municipalityId, domain }: { municipalityId: string; domain: string }, db?: Executor): Promise<boolean> {
  const x = db ?? (await getDb());
  const rows = await x.delete(ssoDomains).where(and(eq(ssoDomains.municipalityId, municipalityId), eq(ssoDomains.domain, domain))).returning({ domain: ssoDomains.domain });
  return rows.length > 0;
}

export async function getPasswordSignIn({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ on: municipalities.passwordSignIn }).from(municipalities).where(eq(municipalities.id, municipalityId)).limit(1);
  return row?.on ?? true;
}

export async function setPasswordSignIn({ municipalityId, on }: { municipalityId: string; on: boolean }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.update(municipalities).set({ passwordSignIn: on }).where(eq(municipalities.id, municipalityId));
}

/** True when one of the user's municipalities has switched password sign-in off. */
export async function passwordSignInBlocked({ userId }: { userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: municipalities.id })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(and(eq(memberships.userId, userId), eq(municipalities.passwordSignIn, false)))
    .limit(1);
  return Boolean(row);
}

export async function listGroupRoles({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ groupName: ssoGroupRoles.groupName, role: ssoGroupRoles.role })
    .from(ssoGroupRoles)
    .where(eq(ssoGroupRoles.municipalityId, municipalityId))
    .orderBy(ssoGroupRoles.groupName);
}

/** Add or change the role a group gives. */
export async function upsertGroupRole({ municipalityId, groupName, role }: { municipalityId: string; groupName: string; role: Role }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.insert(ssoGroupRoles).values({ municipalityId, groupName, role }).onConflictDoUpdate({ target: [ssoGroupRoles.municipalityId, ssoGroupRoles.groupName], set: { role } });
}

export async function deleteGroupRole({ municipalityId, groupName }: { municipalityId: string; groupName: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(ssoGroupRoles)
    .where(and(eq(ssoGroupRoles.municipalityId, municipalityId), eq(ssoGroupRoles.groupName, groupName)))
    .returning({ groupName: ssoGroupRoles.groupName });
  return rows.length > 0;
}

/** Every municipality's mapping of any of these (lower-cased) groups. */
export async function groupRolesFor({ groups }: { groups: string[] }, db: Executor) {
  if (groups.length === 0) return [];
  return db.select({ municipalityId: ssoGroupRoles.municipalityId, groupName: ssoGroupRoles.groupName, role: ssoGroupRoles.role }).from(ssoGroupRoles).where(inArray(ssoGroupRoles.groupName, groups));
}

/** A user's memberships with their origin, locked until the transaction ends. */
export async function membershipsForGroupSync({ userId }: { userId: string }, tx: Executor) {
  return tx
    .select({ municipalityId: memberships.municipalityId, role: memberships.role, fromGroup: memberships.fromGroup })
    .from(memberships)
    .where(eq(memberships.userId, userId))
    .for("update");
}

export async function insertGroupMembership({ userId, municipalityId, role }: { userId: string; municipalityId: string; role: Role }, tx: Executor) {
  await tx.insert(memberships).values({ userId, municipalityId, role, fromGroup: true }).onConflictDoNothing();
}
