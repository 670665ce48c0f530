import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { getDb, type Executor } from "@/db";
import { sections, sectionUpdates, sectionYjs } from "@/db/schema";

/** The compacted Yjs state of a part, locked for the transaction when `lock` is set. */
export async function getYState({ sectionId, lock = false }: { sectionId: string; lock?: boolean }, db?: Executor) {
  const x = db ?? (await getDb());
  const q = x.select({ state: sectionYjs.state, conceptId: sectionYjs.conceptId }).from(sectionYjs).where(eq(sectionYjs.sectionId, sectionId)).limit(1);
  const [row] = lock ? await q.for("update") : await q;
  return row ?? null;
}

/** The first Yjs state of a part; a concurrent first open (another process) keeps whichever came first. */
export async function insertYStateIfMissing(input: { sectionId: string; conceptId: string; state: Uint8Array }, db: Executor) {
  await db
    .insert(sectionYjs)
    .values({ sectionId: input.sectionId, conceptId: input.conceptId, state: Buffer.from(input.state) })
    .onConflictDoNothing();
}

export async function listYUpdates({ sectionId }: { sectionId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ id: sectionUpdates.id, update: sectionUpdates.update, userId: sectionUpdates.userId })
    .from(sectionUpdates)
    .where(eq(sectionUpdates.sectionId, sectionId))
    .orderBy(asc(sectionUpdates.id));
}

/** Parts of a concept with updates not yet folded into their state and JSON. */
export async function listSectionsWithPendingUpdates({ conceptId }: { conceptId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x.selectDistinct({ sectionId: sectionUpdates.sectionId }).from(sectionUpdates).where(eq(sectionUpdates.conceptId, conceptId));
  return rows.map((r) => r.sectionId);
}

/**
 * Append a client's update, in one statement with the checks that make it
 * allowed at this moment: the session still exists, the user is still an
 * editor or admin of the concept's municipality (or a reviewer, for a
 * suggest-only update the caller has checked to be nothing but proposals), the concept is not adopted,
 * archived or marked for deletion (read under a share lock, so such a change waits for appends in flight and
 * every later append sees it, also before the open connections are told). Returns false when any check fails.
 */
export async function appendClientUpdate(input: {
  sectionId: string;
  conceptId: string;
  municipalityId: string;
  userId: string;
  sessionId: string;
  suggestOnly?: boolean;
  update: Uint8Array;
}): Promise<boolean> {
  const db = await getDb();
  const roles = input.suggestOnly ? sql`('admin', 'editor', 'reviewer')` : sql`('admin', 'editor')`;
  const rows = await db.execute<{ id: number }>(sql`
    insert into section_updates (section_id, concept_id, update, user_id)
    select s.id, s.concept_id, ${Buffer.from(input.update)}, ${input.userId}
    from sections s
    where s.id = ${input.sectionId} and s.concept_id = ${input.conceptId}
      and exists (select 1 from auth_sessions a where a.id = ${input.sessionId} and a.user_id = ${input.userId} and a.expires_at > now())
      and exists (select 1 from memberships m where m.user_id = ${input.userId} and m.municipality_id = ${input.municipalityId} and m.role in ${roles})
      and exists (select 1 from concepts c where c.id = ${input.conceptId} and c.municipality_id = ${input.municipalityId}
        and c.status <> 'adopted' and c.archived_at is null and c.delete_after is null for share)
    returning id`);
  return rows.length === 1;
}

/** A server-side change (restore, import, the PUT API), after its caller's own checks. */
export async function appendServerUpdate(input: { sectionId: string; conceptId: string; userId: string; update: Uint8Array }, db: Executor) {
  await db.insert(sectionUpdates).values({ sectionId: input.sectionId, conceptId: input.conceptId, userId: input.userId, update: Buffer.from(input.update) });
}

export async function writeCompactedState(input: { sectionId: string; state: Uint8Array; foldedIds: number[] }, db: Executor) {
  await db.update(sectionYjs).set({ state: Buffer.from(input.state), updatedAt: new Date() }).where(eq(sectionYjs.sectionId, input.sectionId));
  if (input.foldedIds.length) await db.delete(sectionUpdates).where(and(eq(sectionUpdates.sectionId, input.sectionId), inArray(sectionUpdates.id, input.foldedIds)));
}

/** The JSON everything else reads, derived from the Yjs state: a new revision of the part. */
export async function writeDerivedSection(input: { sectionId: string; content: JSONContent; textLength: number; userId: string | null }, db: Executor) {
  const [row] = await db
    .update(sections)
    .set({ content: input.content, textLength: input.textLength, revision: sql`${sections.revision} + 1`, updatedBy: input.userId, updatedAt: new Date() })
    .where(eq(sections.id, input.sectionId))
    .returning({ revision: sections.revision, updatedAt: sections.updatedAt });
  return row ?? null;
}

/** Tell every app process (and this one) that a part changed on the server or that access changed; delivered on commit. */
export async function notifyRealtime(payload: { kind: "section"; sectionId: string } | { kind: "access"; conceptId?: string; userId?: string }, db: Executor) {
  await db.execute(sql`select pg_notify('konzeptwerk_realtime', ${JSON.stringify(payload)})`);
}
