import "server-only";
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { auditLog, fields, users } from "@/db/schema";

export type AuditInput = {
  municipalityId: string;
  actorId: string | null;
  action: string;
  conceptId?: string | null;
  objectId?: string | null;
  details?: Record<string, string | number | null>;
};

/** Append one entry (inside the caller's transaction when given). Never document content. */
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

export type AuditRow = { id: string; action: string; conceptId: string | null; objectId: string | null; details: Record<string, string | number | null>; createdAt: Date; actorName: string | null; actorEmail: string | null };

/** Newest first; by municipality, optionally one concept; `before` pages back. */
export async function listAudit({ municipalityId, conceptId, limit, before }: { municipalityId: string; conceptId?: string; limit: number; before?: Date }): Promise<AuditRow[]> {
  const db = await getDb();
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      conceptId: auditLog.conceptId,
      objectId: auditLog.objectId,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.municipalityId, municipalityId), conceptId ? eq(auditLog.conceptId, conceptId) : sql`true`, before ? lt(auditLog.createdAt, before) : sql`true`))
    .orderBy(desc(auditLog.createdAt))
    .limit(limit);
}
