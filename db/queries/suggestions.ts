import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { memberships, suggestionDecisions, users } from "@/db/schema";

/** Record an accepted or rejected proposal (in the transaction that wrote the text). */
export async function insertSuggestionDecision(input: typeof suggestionDecisions.$inferInsert, db: Executor) {
  await db.insert(suggestionDecisions).values(input);
}

/** A concept's decided proposals, oldest decision first. */
export async function listSuggestionDecisions({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select()
    .from(suggestionDecisions)
    .where(eq(suggestionDecisions.conceptId, conceptId))
    .orderBy(asc(suggestionDecisions.decidedAt), asc(suggestionDecisions.id));
}

/** The ids of a concept's proposals that were accepted or rejected. */
export async function decidedSuggestionIds({ conceptId }: { conceptId: string }, db?: Executor): Promise<Set<string>> {
  const x = db ?? (await getDb());
  const rows = await x.select({ id: suggestionDecisions.suggestionId }).from(suggestionDecisions).where(eq(suggestionDecisions.conceptId, conceptId));
  return new Set(rows.map((r) => r.id));
}

/** Names of the given users who are members of the municipality (a proposal's author or decider); others are left out. */
export async function memberNames({ municipalityId, userIds }: { municipalityId: string; userIds: string[] }, db?: Executor) {
  const ids = [...new Set(userIds)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (ids.length === 0) return new Map<string, string>();
  const x = db ?? (await getDb());
  const rows = await x
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.municipalityId, municipalityId)))
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
