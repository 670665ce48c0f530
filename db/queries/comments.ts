import "server-only";
import { and, asc, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { comments, commentThreads, concepts, memberships, notifications, users, type TextAnchor } from "@/db/schema";
import { isUuid } from "./concepts";

export type NewThread = {
  conceptId: string;
  municipalityId: string;
  targetKind: "text" | "measure" | "chapter" | "suggestion";
  sectionId: string | null;
  measureId: string | null;
  chapter: string;
  fieldKey: string | null;
  anchor: TextAnchor | null;
  /** for target kind "suggestion": the proposal answered */
  suggestionId?: string | null;
  createdBy: string;
  /** default: the transaction's time */
  createdAt?: Date;
};

export async function insertThread(input: NewThread, tx: Executor) {
  const [row] = await tx.insert(commentThreads).values(input).returning();
  return row!;
}

export async function insertComment(input: { threadId: string; municipalityId: string; authorId: string; body: string; mentions: string[]; createdAt?: Date }, tx: Executor) {
  const [row] = await tx.insert(comments).values(input).returning();
  return row!;
}

/** A thread of a concept (null when missing or of another concept). */
export async function getThread({ conceptId, threadId }: { conceptId: string; threadId: string }, db?: Executor) {
  if (!isUuid(threadId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(commentThreads).where(and(eq(commentThreads.id, threadId), eq(commentThreads.conceptId, conceptId))).limit(1);
  return row ?? null;
}

/** A comment with its thread, only when the thread belongs to the concept. */
export async function getCommentInConcept({ conceptId, commentId }: { conceptId: string; commentId: string }, db?: Executor) {
  if (!isUuid(commentId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ comment: comments, thread: commentThreads })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(and(eq(comments.id, commentId), eq(commentThreads.conceptId, conceptId)))
    .limit(1);
  return row ?? null;
}

export async function updateComment(
  { commentId, set }: { commentId: string; set: Partial<{ body: string; mentions: string[]; editedAt: Date; deletedAt: Date; hiddenAt: Date; hiddenBy: string }> },
  tx: Executor,
) {
  await tx.update(comments).set(set).where(eq(comments.id, commentId));
}

export async function setThreadState({ threadId, state, userId }: { threadId: string; state: "open" | "resolved"; userId: string }, tx: Executor) {
  await tx
    .update(commentThreads)
    .set(state === "resolved" ? { state, resolvedBy: userId, resolvedAt: new Date() } : { state, resolvedBy: null, resolvedAt: null })
    .where(eq(commentThreads.id, threadId));
}

export type ThreadRow = typeof commentThreads.$inferSelect & { createdByName: string | null };
export type CommentRow = typeof comments.$inferSelect & { authorName: string | null };

/** Every thread of a concept with its comments, oldest first. Two queries, however many threads. */
export async function listThreadsWithComments({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const threads = await x
    .select({ thread: commentThreads, createdByName: users.name })
    .from(commentThreads)
    .leftJoin(users, eq(users.id, commentThreads.createdBy))
    .where(eq(commentThreads.conceptId, conceptId))
    // The id settles ties (rows written in one transaction share their time), so every read lists them alike.
    .orderBy(asc(commentThreads.createdAt), asc(commentThreads.id));
  const rows = await x
    .select({ comment: comments, authorName: users.name })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(commentThreads.conceptId, conceptId))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const byThread = new Map<string, CommentRow[]>();
  for (const r of rows) {
    const list = byThread.get(r.comment.threadId) ?? [];
    list.push({ ...r.comment, authorName: r.authorName });
    byThread.set(r.comment.threadId, list);
  }
  return threads.map((t) => ({ ...t.thread, createdByName: t.createdByName, comments: byThread.get(t.thread.id) ?? [] }));
}

export async function countOpenThreads({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x.select({ n: count() }).from(commentThreads).where(and(eq(commentThreads.conceptId, conceptId), eq(commentThreads.state, "open")));
  return row?.n ?? 0;
}

/** Open threads per concept of a municipality (one query for the concept list). */
export async function countOpenThreadsByConcept({ municipalityId }: { municipalityId: string }, db?: Executor): Promise<Map<string, number>> {
  const x = db ?? (await getDb());
  const rows = await x
    .select({ conceptId: commentThreads.conceptId, n: count() })
    .from(commentThreads)
    .where(and(eq(commentThreads.municipalityId, municipalityId), eq(commentThreads.state, "open")))
    .groupBy(commentThreads.conceptId);
  return new Map(rows.map((r) => [r.conceptId, r.n]));
}

/** The people who wrote in a thread and still belong to its municipality (for reply notifications). */
export async function threadParticipants({ threadId }: { threadId: string }, tx: Executor) {
  const rows = await tx
    .selectDistinct({ id: comments.authorId })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .innerJoin(memberships, and(eq(memberships.userId, comments.authorId), eq(memberships.municipalityId, commentThreads.municipalityId)))
    .where(eq(comments.threadId, threadId));
  return rows.map((r) => r.id).filter((id): id is string => !!id);
}

export type NotificationKind = "mention" | "reply" | "round" | "reminder";

export async function insertNotifications(
  rows: { municipalityId: string; userId: string; kind: NotificationKind; conceptId: string; threadId?: string | null; roundId?: string | null; actorId: string | null }[],
  tx: Executor,
) {
  if (rows.length) await tx.insert(notifications).values(rows);
}

export async function listNotifications({ userId, municipalityId, limit }: { userId: string; municipalityId: string; limit: number }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ n: notifications, actorName: users.name })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), eq(notifications.municipalityId, municipalityId)))
    .orderBy(sql`${notifications.createdAt} desc`)
    .limit(limit);
}

export async function countUnread({ userId, municipalityId }: { userId: string; municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const [row] = await x
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.municipalityId, municipalityId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

export async function markRead({ userId, municipalityId, ids }: { userId: string; municipalityId: string; ids?: string[] }, db?: Executor) {
  const x = db ?? (await getDb());
  await x
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), eq(notifications.municipalityId, municipalityId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids.filter(isUuid)) : sql`true`));
}

/** Open threads of a municipality that mention the user (for "what waits for me"). */
export async function openThreadsMentioning({ userId, municipalityId }: { userId: string; municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .selectDistinct({ threadId: commentThreads.id, conceptId: commentThreads.conceptId, chapter: commentThreads.chapter, fieldKey: commentThreads.fieldKey, quote: sql<string | null>`${commentThreads.anchor}->>'quote'`, createdAt: commentThreads.createdAt })
    .from(comments)
    .innerJoin(commentThreads, eq(commentThreads.id, comments.threadId))
    .where(
      and(
        eq(comments.municipalityId, municipalityId),
        eq(commentThreads.state, "open"),
        isNull(comments.deletedAt),
        isNull(comments.hiddenAt),
        sql`${comments.mentions} @> ${JSON.stringify([userId])}::jsonb`,
      ),
    );
}

/** The users who already got a reminder for a round (in the app, and by mail if configured). */
export async function remindedUsers({ roundId }: { roundId: string }, db?: Executor): Promise<Set<string>> {
  const x = db ?? (await getDb());
  const rows = await x.select({ userId: notifications.userId }).from(notifications).where(and(eq(notifications.roundId, roundId), eq(notifications.kind, "reminder")));
  return new Set(rows.map((r) => r.userId));
}

/**
 * A user's unread notifications since a moment, with the concept's title (for the daily summary): of every
 * municipality the user belongs to now; one that removed them tells them nothing more.
 */
export async function unreadNotificationsSince({ userId, since }: { userId: string; since: Date }, db: Executor) {
  return db
    .select({ kind: notifications.kind, conceptId: notifications.conceptId, conceptTitle: concepts.title, actorName: users.name, createdAt: notifications.createdAt })
    .from(notifications)
    .innerJoin(concepts, eq(concepts.id, notifications.conceptId))
    .innerJoin(memberships, and(eq(memberships.userId, notifications.userId), eq(memberships.municipalityId, concepts.municipalityId)))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), gt(notifications.createdAt, since), isNull(concepts.deleteAfter)))
    .orderBy(asc(notifications.createdAt))
    .limit(200);
}
