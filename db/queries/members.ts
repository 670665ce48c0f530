import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { authSessions, invitations, memberships, municipalities, users, type MunicipalityKind, type Role } from "@/db/schema";
import { isUuid } from "./concepts";

/** The members of a municipality with their role, by role (admins first), then by name. */
export async function listMembers({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.municipalityId, municipalityId))
    // the role enum is ordered admin, editor, reviewer, viewer
    .orderBy(asc(memberships.role), asc(users.name), asc(users.email));
  return rows;
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function countAdmins({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.role, "admin")));
  return row?.n ?? 0;
}

/**
 * Lock the municipality's row until the transaction ends. Role changes and
 * removals take it first, so two admins demoting each other at the same moment
 * run one after the other and the second sees that only one admin is left.
 */
export async function lockMunicipality({ municipalityId }: { municipalityId: string }, tx: Executor) {
  const [row] = await tx
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId))
    // "no key update" still excludes a second lock of this kind, but not inserts referencing the row
    .for("no key update");
  return !!row;
}

/**
 * Returns false when the user is no member of the municipality. `fromGroup`: the
 * role comes from a single sign-on group; an admin's change makes it the admin's (false).
 */
export async function setRole(
  { municipalityId, userId, role, fromGroup = false }: { municipalityId: string; userId: string; role: Role; fromGroup?: boolean },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const rows = await x
    .update(memberships)
    .set({ role, fromGroup })
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** Returns false when there was no such membership. */
export async function deleteMembership({ municipalityId, userId }: { municipalityId: string; userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(memberships)
    .where(and(eq(memberships.municipalityId, municipalityId), eq(memberships.userId, userId)))
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** End every session of a user except one (the caller's own, when admins change their own membership). */
export async function deleteAuthSessionsOfUserExcept(
  { userId, keepSessionId }: { userId: string; keepSessionId: string },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  await x.delete(authSessions).where(and(eq(authSessions.userId, userId), ne(authSessions.id, keepSessionId)));
}

export async function createInvitation(
  input: { municipalityId: string; email: string; role: Role; tokenHash: string; invitedBy: string; expiresAt: Date },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const [row] = await x.insert(invitations).values(input).returning();
  if (!row) throw new Error("insert invitation returned nothing");
  return row;
}

/** Open invitations to one address: a new invitation replaces them, so only the newest link works. */
export async function deleteOpenInvitationsForEmail({ municipalityId, email }: { municipalityId: string; email: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .delete(invitations)
    .where(and(eq(invitations.municipalityId, municipalityId), eq(invitations.email, email), isNull(invitations.acceptedAt)));
}

/** Invitations neither accepted nor expired, newest first. */
export async function listOpenInvitations({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(eq(invitations.municipalityId, municipalityId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, new Date())),
    )
    .orderBy(asc(invitations.expiresAt));
}

export type OpenInvitationRow = Awaited<ReturnType<typeof listOpenInvitations>>[number];

/** An invitation by the hash of its token, with the municipality's name, whatever its state. */
export async function getInvitationByTokenHash({ tokenHash }: { tokenHash: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({
      id: invitations.id,
      municipalityId: invitations.municipalityId,
      municipalityName: municipalities.name,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
    })
    .from(invitations)
    .innerJoin(municipalities, eq(municipalities.id, invitations.municipalityId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * Mark an invitation accepted if it is still open. Returns false when it was
 * accepted or expired meanwhile; the row lock makes a second concurrent
 * acceptance wait and then find nothing to update.
 */
export async function markInvitationAccepted({ id }: { id: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const now = new Date();
  const rows = await x
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/** Delete an open invitation of a municipality; false when there is none with that id. */
export async function deleteInvitation({ municipalityId, id }: { municipalityId: string; id: string }, db?: Executor) {
  if (!isUuid(id)) return false;
  const x = db ?? (await getDb());
  const rows = await x
    .delete(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.municipalityId, municipalityId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id, email: invitations.email });
  return rows[0] ?? null;
}

/**
 * A new user; null when the e-mail address is taken (checked by the unique index, so also under races).
 * `emailConfirmed: false` for an address nobody has shown to be theirs yet (the registration form).
 */
export async function createUser(
  { email, name, passwordHash, emailConfirmed = true }: { email: string; name: string; passwordHash: string; emailConfirmed?: boolean },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const [row] = await x
    .insert(users)
    .values({ email: email.trim().toLowerCase(), name, passwordHash, emailConfirmedAt: emailConfirmed ? new Date() : null })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name });
  return row ?? null;
}

/** Returns false when the user already is a member (the existing role stays). */
export async function insertMembership(
  { userId, municipalityId, role }: { userId: string; municipalityId: string; role: Role },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const rows = await x
    .insert(memberships)
    .values({ userId, municipalityId, role })
    .onConflictDoNothing({ target: [memberships.userId, memberships.municipalityId] })
    .returning({ userId: memberships.userId });
  return rows.length > 0;
}

/** A new municipality; null when its AGS is taken. */
export async function createMunicipality(
  input: { name: string; ags: string; kind: MunicipalityKind; state: string; population: number },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const [row] = await x.insert(municipalities).values(input).onConflictDoNothing({ target: municipalities.ags }).returning();
  return row ?? null;
}

export async function getMunicipalityByAgs({ ags }: { ags: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select().from(municipalities).where(eq(municipalities.ags, ags)).limit(1);
  return row ?? null;
}

/** The first municipality registered under any of the given keys (see agsVariants). */
export async function findMunicipalityByAnyAgs({ ags }: { ags: string[] }, db?: Executor) {
  if (ags.length === 0) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(municipalities).where(inArray(municipalities.ags, ags)).limit(1);
  return row ?? null;
}
