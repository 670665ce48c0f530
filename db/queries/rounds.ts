import "server-only";
import { and, asc, between, count, desc, eq, inArray, isNull, min } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { concepts, reviewAnswers, reviewRoundReviewers, reviewRounds, users } from "@/db/schema";
import { isUuid } from "./concepts";

export async function insertRound(
  input: { conceptId: string; municipalityId: string; versionNumber: number; title: string; dueDate: string; createdBy: string; reviewerIds: string[] },
  tx: Executor,
) {
  const { reviewerIds, ...round } = input;
  const [row] = await tx.insert(reviewRounds).values(round).returning();
  await tx.insert(reviewRoundReviewers).values(reviewerIds.map((userId) => ({ roundId: row!.id, userId, municipalityId: input.municipalityId })));
  return row!;
}

export async function getRound({ conceptId, roundId }: { conceptId: string; roundId: string }, db?: Executor) {
  if (!isUuid(roundId)) return null;
  const x = db ?? (await getDb());
  const [row] = await x.select().from(reviewRounds).where(and(eq(reviewRounds.id, roundId), eq(reviewRounds.conceptId, conceptId))).limit(1);
  return row ?? null;
}

export async function listRoundRows({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x.select().from(reviewRounds).where(eq(reviewRounds.conceptId, conceptId)).orderBy(desc(reviewRounds.createdAt));
}

export async function listRoundReviewers({ roundIds }: { roundIds: string[] }, db?: Executor) {
  if (!roundIds.length) return [];
  const x = db ?? (await getDb());
  return x
    .select({
      roundId: reviewRoundReviewers.roundId,
      userId: users.id,
      name: users.name,
      completedAt: reviewRoundReviewers.completedAt,
      verdict: reviewRoundReviewers.verdict,
      note: reviewRoundReviewers.note,
    })
    .from(reviewRoundReviewers)
    .innerJoin(users, eq(users.id, reviewRoundReviewers.userId))
    .where(inArray(reviewRoundReviewers.roundId, roundIds))
    .orderBy(asc(users.name));
}

export async function listAnswers({ roundIds }: { roundIds: string[] }, db?: Executor) {
  if (!roundIds.length) return [];
  const x = db ?? (await getDb());
  return x.select().from(reviewAnswers).where(inArray(reviewAnswers.roundId, roundIds));
}

export async function upsertAnswer(input: { roundId: string; reviewerId: string; municipalityId: string; target: string; verdict: string; note: string }, tx: Executor) {
  await tx
    .insert(reviewAnswers)
    .values(input)
    .onConflictDoUpdate({
      target: [reviewAnswers.roundId, reviewAnswers.reviewerId, reviewAnswers.target],
      set: { verdict: input.verdict, note: input.note, answeredAt: new Date() },
    });
}

export async function closeRoundRow({ roundId }: { roundId: string }, tx: Executor) {
  await tx.update(reviewRounds).set({ state: "closed", closedAt: new Date() }).where(eq(reviewRounds.id, roundId));
}

/**
 * Whether a reviewer may still answer, read with both rows locked against a closing of the round and the reviewer's
 * own completion (which update them) until the answer's transaction ends.
 */
export async function lockForAnswer(input: { roundId: string; userId: string }, tx: Executor): Promise<{ open: boolean; completed: boolean }> {
  const [round] = await tx.select({ state: reviewRounds.state }).from(reviewRounds).where(eq(reviewRounds.id, input.roundId)).for("share");
  const [me] = await tx
    .select({ completedAt: reviewRoundReviewers.completedAt })
    .from(reviewRoundReviewers)
    .where(and(eq(reviewRoundReviewers.roundId, input.roundId), eq(reviewRoundReviewers.userId, input.userId)))
    .for("share");
  return { open: round?.state === "open", completed: !me || me.completedAt !== null };
}

/** A reviewer's "Prüfung abschließen": the overall verdict; only while not yet completed (false when it already was). */
export async function completeReviewerRow(input: { roundId: string; userId: string; verdict: string; note: string }, tx: Executor): Promise<boolean> {
  const rows = await tx
    .update(reviewRoundReviewers)
    .set({ completedAt: new Date(), verdict: input.verdict, note: input.note })
    .where(and(eq(reviewRoundReviewers.roundId, input.roundId), eq(reviewRoundReviewers.userId, input.userId), isNull(reviewRoundReviewers.completedAt)))
    .returning({ userId: reviewRoundReviewers.userId });
  return rows.length > 0;
}

/** Open rounds of a municipality in which the user is a reviewer (for "what waits for me"). */
export async function openRoundsFor({ userId, municipalityId }: { userId: string; municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ round: reviewRounds, conceptTitle: concepts.title })
    .from(reviewRoundReviewers)
    .innerJoin(reviewRounds, eq(reviewRounds.id, reviewRoundReviewers.roundId))
    .innerJoin(concepts, eq(concepts.id, reviewRounds.conceptId))
    // Rounds of an archived concept or one marked for deletion wait for nobody.
    .where(
      and(
        eq(reviewRoundReviewers.userId, userId),
        eq(reviewRoundReviewers.municipalityId, municipalityId),
        eq(reviewRounds.state, "open"),
        // Whoever finished their review (Prüfung abgeschlossen) is not waited for.
        isNull(reviewRoundReviewers.completedAt),
        isNull(concepts.archivedAt),
        isNull(concepts.deleteAfter),
      ),
    )
    .orderBy(asc(reviewRounds.dueDate));
}

/** Open rounds of every municipality due between two calendar dates (inclusive), with their concept. */
export async function openRoundsDueBetween({ from, to }: { from: string; to: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ round: reviewRounds, concept: concepts })
    .from(reviewRounds)
    .innerJoin(concepts, eq(concepts.id, reviewRounds.conceptId))
    .where(and(eq(reviewRounds.state, "open"), between(reviewRounds.dueDate, from, to), isNull(concepts.archivedAt), isNull(concepts.deleteAfter)))
    .orderBy(asc(reviewRounds.dueDate));
}

/** Per concept of a municipality: how many review rounds are open and the earliest due date among them. */
export async function openRoundsByConcept({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .select({ conceptId: reviewRounds.conceptId, open: count(), nextDue: min(reviewRounds.dueDate) })
    .from(reviewRounds)
    .where(and(eq(reviewRounds.municipalityId, municipalityId), eq(reviewRounds.state, "open")))
    .groupBy(reviewRounds.conceptId);
  return new Map(rows.map((r) => [r.conceptId, { open: r.open, nextDue: r.nextDue }]));
}
