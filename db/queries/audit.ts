import "server-only";
import { and, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { auditLog, concepts, fields, users } from "@/db/schema";

export type AuditInput = {
  municipalityId: string;
  actorId: string | null;
  action: string;
  conceptId?: string | null;
  objectId?: string | null;
  details?: Record<string, string | number | null>;
};

/**
 * Append one entry (inside the caller's transaction when given). Never document content:
 * keys and the names the entry's sentence needs (lib/audit/describe.ts); `action` is one of lib/audit/actions.ts.
 */
export async function recordAudit(db: Executor | null, input: AuditInput) {
  const x = db ?? (await getDb());
  await x.insert(auditLog).values({
    municipalityId: input.municipalityId,
    actorId: input.actorId,
    action: input.action,
    conceptId: input.conceptId ?? null,
    objectId: input.objectId ?? null,
    details: input.details ?? {},
  });
}

/**
 * A write and its audit entry in one transaction, for writes that are a single
 * query; `entry` returns null when the write changed nothing (nothing to record).
 */
export async function writeAudited<T>(write: (tx: Executor) => Promise<T>, entry: (result: T) => AuditInput | null): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const result = await write(tx);
    const input = entry(result);
    if (input) await recordAudit(tx, input);
    return result;
  });
}

/**
 * A section edit is logged at most once per person, section and quarter hour
 * (autosave writes every few seconds; the feed wants "who changed which section").
 */
export async function recordSectionEdit(
  db: Executor,
  input: { municipalityId: string; actorId: string; conceptId: string; sectionId: string; chapter: string; part: string; fieldId?: string | null },
) {
  const since = new Date(Date.now() - 15 * 60 * 1000);
  const [recent] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.conceptId, input.conceptId), eq(auditLog.objectId, input.sectionId), eq(auditLog.actorId, input.actorId), eq(auditLog.action, "section.edit"), gte(auditLog.createdAt, since)))
    .limit(1);
  if (recent) {
    await db.update(auditLog).set({ createdAt: new Date() }).where(eq(auditLog.id, recent.id));
    return;
  }
  // A part of a field of action: the field's key and title, so that the log can name it.
  const [field] = input.fieldId ? await db.select({ key: fields.key, title: fields.title }).from(fields).where(eq(fields.id, input.fieldId)).limit(1) : [];
  await recordAudit(db, {
    municipalityId: input.municipalityId,
    actorId: input.actorId,
    action: "section.edit",
    conceptId: input.conceptId,
    objectId: input.sectionId,
    details: { chapter: input.chapter, part: input.part, ...(field ? { field: field.key, fieldTitle: field.title } : {}) },
  });
}

/**
 * Per concept of a municipality: its newest audit entry that changed it, with the actor's name
 * (the concept list's "last change"), in one query.
 */
export async function lastChangeByConcept({ municipalityId }: { municipalityId: string }, db?: Executor) {
  const x = db ?? (await getDb());
  const rows = await x
    .selectDistinctOn([auditLog.conceptId], { conceptId: auditLog.conceptId, at: auditLog.createdAt, action: auditLog.action, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    // Comments and check notes are talk about the text, not changes of it.
    .where(and(eq(auditLog.municipalityId, municipalityId), sql`${auditLog.conceptId} is not null`, sql`${auditLog.action} not like 'comment.%'`, sql`${auditLog.action} not like 'check.%'`))
    .orderBy(auditLog.conceptId, desc(auditLog.createdAt));
  return new Map(rows.map((r) => [r.conceptId!, { at: r.at, action: r.action, actorName: r.actorName }]));
}

/**
 * Who edited which part of a municipality's concepts since a moment (a section
 * edit is logged once per person and part and refreshed while they keep
 * writing, see recordSectionEdit), newest first.
 */
export async function recentSectionEditors({ municipalityId, since }: { municipalityId: string; since: Date }, db?: Executor) {
  const x = db ?? (await getDb());
  return x
    .select({ conceptId: auditLog.conceptId, actorId: auditLog.actorId, actorName: users.name, details: auditLog.details, at: auditLog.createdAt })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.municipalityId, municipalityId), eq(auditLog.action, "section.edit"), gte(auditLog.createdAt, since)))
    .orderBy(desc(auditLog.createdAt))
    .limit(200);
}

export type AuditRow = {
  id: string;
  action: string;
  conceptId: string | null;
  objectId: string | null;
  details: Record<string, string | number | null>;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  /** the concept's current title; null when the entry has no concept or the concept is gone */
  conceptTitle: string | null;
};

/** Which entries of a municipality: dates are calendar days in Germany (YYYY-MM-DD), both ends included. */
export type AuditFilter = {
  municipalityId: string;
  conceptId?: string;
  actorId?: string;
  actions?: readonly string[];
  from?: string;
  to?: string;
  /** only entries older than this (the API's paging) */
  before?: Date;
};

function auditWhere(f: AuditFilter) {
  return and(
    eq(auditLog.municipalityId, f.municipalityId),
    f.conceptId ? eq(auditLog.conceptId, f.conceptId) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.actions ? inArray(auditLog.action, [...f.actions]) : undefined,
    f.from ? sql`${auditLog.createdAt} >= (${f.from}::date)::timestamp at time zone 'Europe/Berlin'` : undefined,
    f.to ? sql`${auditLog.createdAt} < (${f.to}::date + 1)::timestamp at time zone 'Europe/Berlin'` : undefined,
    f.before ? lt(auditLog.createdAt, f.before) : undefined,
  );
}

/** Newest first; `offset` pages back by whole pages (the log's page), `before` by time (the API). */
export async function listAudit(filter: AuditFilter & { limit: number; offset?: number }): Promise<AuditRow[]> {
  const db = await getDb();
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      conceptId: auditLog.conceptId,
      objectId: auditLog.objectId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorId: auditLog.actorId,
      actorName: users.name,
      actorEmail: users.email,
      conceptTitle: concepts.title,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    // The municipality too: an entry must never show another municipality's concept title.
    .leftJoin(concepts, and(eq(concepts.id, auditLog.conceptId), eq(concepts.municipalityId, auditLog.municipalityId)))
    .where(auditWhere(filter))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset ?? 0);
}

export async function countAudit(filter: AuditFilter): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditLog).where(auditWhere(filter));
  return row?.n ?? 0;
}

/** Everyone who appears in a municipality's log (also people no longer members), by name. */
export async function listAuditActors({ municipalityId }: { municipalityId: string }) {
  const db = await getDb();
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(auditLog)
    .innerJoin(users, eq(users.id, auditLog.actorId))
    .where(eq(auditLog.municipalityId, municipalityId))
    .orderBy(users.name, users.email);
}
