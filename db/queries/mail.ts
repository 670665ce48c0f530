import "server-only";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { mailQueue, memberships, municipalities, passwordResets, users } from "@/db/schema";

export type MailRow = typeof mailQueue.$inferSelect;
export type NewMail = {
  municipalityId: string | null;
  kind: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  messageId: string;
};

/** Queue a mail; pass the transaction of what causes it, so both commit or neither. */
export async function enqueueMail(mail: NewMail, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.insert(mailQueue).values(mail).returning({ id: mailQueue.id });
  return row!.id;
}

/**
 * Take up to `limit` due mails for `leaseMs`: another sender skips them while the
 * lease runs (FOR UPDATE SKIP LOCKED, then the lease outlives the transaction).
 * A sender that died mid-send leaves its lease to expire; then the mail is due again.
 */
export async function claimDueMails({ limit, leaseMs }: { limit: number; leaseMs: number }, db?: Executor): Promise<MailRow[]> {
  const x = db ?? (await getDb());
  const rows = await x.execute<Record<string, unknown>>(sql`
    update mail_queue set lease_until = now() + make_interval(secs => ${leaseMs / 1000}), attempts = attempts + 1
    where id in (
      select id from mail_queue
      where status = 'pending' and next_attempt_at <= now() and (lease_until is null or lease_until < now())
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = [...rows].map((r) => String(r.id));
  if (ids.length === 0) return [];
  return x.select().from(mailQueue).where(inArray(mailQueue.id, ids));
}

/**
 * Sent: only if this sender still holds the lease it claimed with (attempt number). The bodies go: an invitation's
 * or a password link's token stands in them in plain text, and nothing reads a sent mail's text again.
 */
export async function markMailSent({ id, attempts }: { id: string; attempts: number }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .update(mailQueue)
    .set({ status: "sent", sentAt: new Date(), leaseUntil: null, lastError: null, textBody: "", htmlBody: "" })
    .where(and(eq(mailQueue.id, id), eq(mailQueue.attempts, attempts)));
}

/** Not sent, and never will be (the recipient left the municipality meanwhile): the text goes, as after sending. */
export async function markMailCancelled({ id, attempts, reason }: { id: string; attempts: number; reason: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .update(mailQueue)
    .set({ status: "cancelled", leaseUntil: null, lastError: reason, textBody: "", htmlBody: "" })
    .where(and(eq(mailQueue.id, id), eq(mailQueue.attempts, attempts)));
}

/** Whether the address belongs to a member of the municipality now. */
export async function addressIsMember({ municipalityId, address }: { municipalityId: string; address: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.municipalityId, municipalityId), sql`lower(${users.email}) = lower(${address})`))
    .limit(1);
  return !!row;
}

export async function markMailFailed({ id, attempts, error, retryAt }: { id: string; attempts: number; error: string; retryAt: Date | null }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .update(mailQueue)
    .set(retryAt ? { lastError: error, nextAttemptAt: retryAt, leaseUntil: null } : { lastError: error, status: "failed", leaseUntil: null })
    .where(and(eq(mailQueue.id, id), eq(mailQueue.attempts, attempts)));
}

/**
 * A mail given up keeps its text so that an admin can send it again, but only while that is of use: an invitation's
 * link works `keepDays` days, and the text carries its token in plain text (the tables keep only hashes). After that,
 * and at once for a mail no admin sees (a password link, without municipality), the text goes, as after sending.
 */
export async function dropStaleFailedMailText({ keepDays }: { keepDays: number }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .update(mailQueue)
    .set({ textBody: "", htmlBody: "" })
    .where(
      and(
        eq(mailQueue.status, "failed"),
        sql`(${mailQueue.textBody} <> '' or ${mailQueue.htmlBody} <> '')`,
        sql`(${mailQueue.municipalityId} is null or ${mailQueue.createdAt} < now() - make_interval(days => ${keepDays}))`,
      ),
    )
    .returning({ id: mailQueue.id });
  return rows.length;
}

/** Mails of a municipality that failed for good or are being retried, newest first (for its admins). */
export async function listFailingMails({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({
      id: mailQueue.id,
      kind: mailQueue.kind,
      recipient: mailQueue.recipient,
      status: mailQueue.status,
      attempts: mailQueue.attempts,
      lastError: mailQueue.lastError,
      nextAttemptAt: mailQueue.nextAttemptAt,
      createdAt: mailQueue.createdAt,
      /** false once the text of a mail given up has been dropped (dropStaleFailedMailText): it can no longer be sent again */
      hasText: sql<boolean>`${mailQueue.textBody} <> ''`,
    })
    .from(mailQueue)
    .where(and(eq(mailQueue.municipalityId, municipalityId), sql`(${mailQueue.status} = 'failed' or (${mailQueue.status} = 'pending' and ${mailQueue.lastError} is not null))`))
    .orderBy(desc(mailQueue.createdAt))
    .limit(50);
}

/** Send a failed mail again (an admin's "Erneut senden"), while it still has its text. */
export async function retryMail({ municipalityId, id }: { municipalityId: string; id: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .update(mailQueue)
    .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), leaseUntil: null })
    .where(and(eq(mailQueue.id, id), eq(mailQueue.municipalityId, municipalityId), eq(mailQueue.status, "failed"), sql`${mailQueue.textBody} <> ''`))
    .returning({ id: mailQueue.id });
  return rows.length > 0;
}

export async function setUserLocale({ userId, locale }: { userId: string; locale: string }, db?: Executor) {
  const x = db ?? (await getDb());
  await x.update(users).set({ locale }).where(eq(users.id, userId));
}

export async function getMunicipalityName({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, municipalityId)).limit(1);
  return row?.name ?? null;
}

export async function createPasswordReset({ userId, tokenHash, expiresAt }: { userId: string; tokenHash: string; expiresAt: Date }, db: Executor) {
  await db.insert(passwordResets).values({ userId, tokenHash, expiresAt });
}

/** Spend a reset token: the user's id if it was unused and unexpired, else null. Every other open link of the user is spent too. */
export async function usePasswordReset({ tokenHash }: { tokenHash: string }, db: Executor) {
  const now = new Date();
  const [row] = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
    .returning({ userId: passwordResets.userId });
  if (!row) return null;
  await db.update(passwordResets).set({ usedAt: now }).where(and(eq(passwordResets.userId, row.userId), isNull(passwordResets.usedAt)));
  return row.userId;
}

export async function passwordResetValid({ tokenHash }: { tokenHash: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
    .limit(1);
  return Boolean(row);
}

export async function setPasswordHash({ userId, passwordHash }: { userId: string; passwordHash: string }, db: Executor) {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}
