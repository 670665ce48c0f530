import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { checkAcknowledgements, users } from "@/db/schema";

export type AcknowledgementRow = { findingKey: string; rule: string; reason: string; createdAt: Date; createdByName: string | null };

/** The findings of a concept marked "bewusst so", with who did it. */
export async function listAcknowledgements({ conceptId }: { conceptId: string }, db?: Executor): Promise<AcknowledgementRow[]> {
  const x = db ?? (await getDb());
  return x
    .select({
      findingKey: checkAcknowledgements.findingKey,
      rule: checkAcknowledgements.rule,
      reason: checkAcknowledgements.reason,
      createdAt: checkAcknowledgements.createdAt,
      createdByName: users.name,
    })
    .from(checkAcknowledgements)
    .leftJoin(users, eq(users.id, checkAcknowledgements.createdBy))
    .where(eq(checkAcknowledgements.conceptId, conceptId))
    .orderBy(asc(checkAcknowledgements.createdAt));
}

/** Mark a finding "bewusst so" (a second marking replaces the reason). */
export async function saveAcknowledgement(
  input: { conceptId: string; municipalityId: string; findingKey: string; rule: string; reason: string; userId: string },
  db?: Executor,
) {
  const x = db ?? (await getDb());
  const now = new Date();
  await x
    .insert(checkAcknowledgements)
    .values({ ...input, createdBy: input.userId, createdAt: now })
    .onConflictDoUpdate({
      target: [checkAcknowledgements.conceptId, checkAcknowledgements.findingKey],
      set: { reason: input.reason, createdBy: input.userId, createdAt: now },
    });
}

/** Withdraw a "bewusst so"; true when there was one. */
export async function deleteAcknowledgement({ conceptId, findingKey }: { conceptId: string; findingKey: string }, db?: Executor): Promise<boolean> {
  const x = db ?? (await getDb());
  const rows = await x
    .delete(checkAcknowledgements)
    .where(and(eq(checkAcknowledgements.conceptId, conceptId), eq(checkAcknowledgements.findingKey, findingKey)))
    .returning({ id: checkAcknowledgements.id });
  return rows.length > 0;
}
