/**
 * Helpers for the integration tests that look at what is stored: row counts,
 * sign-in sessions, and a switch that makes the next write to one concept fail
 * inside its transaction (to see that nothing of a half-done write remains).
 */
import { randomBytes } from "node:crypto";
import { count, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createAuthSession } from "@/db/queries/users";
import { concepts, conceptVersions, fields, measures, sections, subGoals } from "@/db/schema";
import type { Actor } from "@/lib/authz/require-role";

/** The message of the fault failNextWritesOf makes the database raise. */
export const SIMULATED_ABORT = "simulierter Abbruch (Test)";

/** Rows of the content tables, in the whole database or for one municipality. */
export async function countContent(municipalityId?: string) {
  const db = await getDb();
  const n = async (table: typeof concepts | typeof fields | typeof sections | typeof subGoals | typeof measures | typeof conceptVersions) => {
    const query = db.select({ n: count() }).from(table);
    const [row] = await (municipalityId ? query.where(eq(table.municipalityId, municipalityId)) : query);
    return row?.n ?? 0;
  };
  return {
    concepts: await n(concepts),
    fields: await n(fields),
    sections: await n(sections),
    subGoals: await n(subGoals),
    measures: await n(measures),
    versions: await n(conceptVersions),
  };
}

/** Give an actor a live sign-in session (the one its `sessionId` names, or another one). */
export async function signIn(actor: Actor, sessionId = actor.sessionId) {
  await createAuthSession({ id: sessionId, userId: actor.id, expiresAt: new Date(Date.now() + 60 * 60 * 1000) });
  return sessionId;
}

/**
 * Make every update of this concept's row fail (a BEFORE UPDATE trigger that
 * raises). Every write of measures and sub-goals ends by touching the concept's
 * row, so the write fails after its other rows were already written — inside
 * the same transaction. Returns the function that removes the trigger again.
 */
export async function failNextWritesOf(conceptId: string): Promise<() => Promise<void>> {
  if (!/^[0-9a-f-]{36}$/.test(conceptId)) throw new Error("concept id expected");
  const db = await getDb();
  const name = `kw_test_fail_${randomBytes(4).toString("hex")}`;
  await db.execute(
    sql.raw(`create or replace function kw_test_raise() returns trigger language plpgsql as $$
      begin raise exception '${SIMULATED_ABORT}'; end $$`),
  );
  await db.execute(
    sql.raw(`create trigger ${name} before update on concepts for each row
      when (old.id = '${conceptId}'::uuid) execute function kw_test_raise()`),
  );
  return async () => {
    await db.execute(sql.raw(`drop trigger if exists ${name} on concepts`));
  };
}

/** The messages of an error and of its causes (drizzle wraps the database's error as `cause`). */
export function errorMessages(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error; e instanceof Error && out.length < 10; e = e.cause) out.push(e.message);
  return out;
}

/** For `rejects.toSatisfy`: the error is (or was caused by) the database raising `message`. */
export const raisedByDatabase = (message: string) => (error: unknown) => errorMessages(error).includes(message);
