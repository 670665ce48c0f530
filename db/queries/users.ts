import "server-only";
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { authSessions, memberships, municipalities, users } from "@/db/schema";
import { isUuid } from "./concepts";

export async function getUserByEmail({ email }: { email: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [user] = await x.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return user ?? null;
}

export async function createAuthSession({ id, userId, expiresAt }: { id: string; userId: string; expiresAt: Date }) {
  const db = await getDb();
  await db.insert(authSessions).values({ id, userId, expiresAt });
}

/** The user behind a live session id, or null when the session was ended or expired. */
export async function getSessionUser({ sessionId }: { sessionId: string }) {
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.id, sessionId), gt(authSessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

/** Ends a session; its open real-time connections close at once (the notification names the user). */
export async function deleteAuthSession({ sessionId }: { sessionId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const rows = await tx.delete(authSessions).where(eq(authSessions.id, sessionId)).returning({ userId: authSessions.userId });
    if (rows[0]) await tx.execute(sql`select pg_notify('konzeptwerk_realtime', ${JSON.stringify({ kind: "access", userId: rows[0].userId })})`);
  });
}

/** The person showed the address is theirs (a link from a mail, a sign-on naming it); kept from the first time. */
export async function confirmEmail({ userId }: { userId: string }, db: Executor) {
  await db.update(users).set({ emailConfirmedAt: new Date() }).where(and(eq(users.id, userId), isNull(users.emailConfirmedAt)));
}

/** The e-mail address of the user and whether it is confirmed (null when there is no such user). */
export async function getUserAddress({ userId }: { userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ email: users.email, emailConfirmedAt: users.emailConfirmedAt }).from(users).where(eq(users.id, userId)).limit(1);
  return row ?? null;
}

export async function deleteAuthSessionsOfUser({ userId }: { userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.delete(authSessions).where(eq(authSessions.userId, userId));
  await x.execute(sql`select pg_notify('konzeptwerk_realtime', ${JSON.stringify({ kind: "access", userId })})`);
}

export async function listMembershipsOfUser({ userId }: { userId: string }) {
  const db = await getDb();
  return db
    .select({
      municipalityId: municipalities.id,
      name: municipalities.name,
      kind: municipalities.kind,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(eq(memberships.userId, userId))
    .orderBy(municipalities.name);
}

export async function getMembership({ userId, municipalityId }: { userId: string; municipalityId: string }, db?: Executor) {
  if (!isUuid(userId) || !isUuid(municipalityId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.municipalityId, municipalityId)))
    .limit(1);
  return row ?? null;
}

/** Address, name and mail language of users (for notification mails). */
export async function listMailRecipients({ userIds }: { userIds: string[] }, db?: Executor) {
  if (!userIds.length) return [];
  const x = db ?? (await getDb());
  return x.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, mailDigest: users.mailDigest }).from(users).where(inArray(users.id, userIds));
}

/** Whether the user gets one summary a day instead of a mail per mention. */
export async function setMailDigest({ userId, on }: { userId: string; on: boolean }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.update(users).set({ mailDigest: on }).where(eq(users.id, userId));
}

export async function getMailDigest({ userId }: { userId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ on: users.mailDigest }).from(users).where(eq(users.id, userId));
  return row?.on ?? false;
}

/** Users with the daily summary whose summary for `day` is not sent yet. */
export async function digestCandidates({ day }: { day: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, lastDay: users.digestSentOn })
    .from(users)
    .where(and(eq(users.mailDigest, true), or(isNull(users.digestSentOn), lt(users.digestSentOn, day))));
}

/** Claim the user's summary for `day`: true for exactly one caller, also across processes. */
export async function claimDigest({ userId, day }: { userId: string; day: string }, tx: Executor) {
  const rows = await tx
    .update(users)
    .set({ digestSentOn: day })
    .where(and(eq(users.id, userId), eq(users.mailDigest, true), or(isNull(users.digestSentOn), lt(users.digestSentOn, day))))
    .returning({ id: users.id });
  return rows.length > 0;
}
