import "server-only";
import { csvCell } from "@/lib/http/csv";
import { countUnread, listNotifications, markRead, openThreadsMentioning } from "@/db/queries/comments";
import { listAudit, type AuditRow } from "@/db/queries/audit";
import type { AuditQuery } from "@/lib/audit/filter";
import { describeAuditGerman } from "@/lib/audit/german";
import { auditFilterOf } from "@/lib/audit/log";
import { listConcepts } from "@/db/queries/concepts";
import { openRoundsFor } from "@/db/queries/rounds";
import { requireRole, type Actor } from "@/lib/authz/require-role";
import { requireConcept } from "@/lib/concepts/access";
import { AppError } from "@/lib/errors";
import { z } from "@/lib/validation";
import { REMINDER_DAYS } from "./reminders";

/**
 * What waits for the user in a municipality: open threads that mention them,
 * open review rounds they must answer (with how many targets are still open),
 * and their in-app notifications.
 */
export async function readInbox(actor: Actor, input: { municipalityId: string }) {
  await requireRole(actor, input.municipalityId, "concept.read");
  const [mentions, rounds, notifications, unread, concepts] = await Promise.all([
    openThreadsMentioning({ userId: actor.id, municipalityId: input.municipalityId }),
    openRoundsFor({ userId: actor.id, municipalityId: input.municipalityId }),
    listNotifications({ userId: actor.id, municipalityId: input.municipalityId, limit: 50 }),
    countUnread({ userId: actor.id, municipalityId: input.municipalityId }),
    listConcepts({ municipalityId: input.municipalityId }),
  ]);
  const titles = new Map(concepts.map((c) => [c.id, c.title]));
  const today = new Date().toISOString().slice(0, 10);
  // The reminder window of lib/review/reminders: a round due this soon is marked in "Für mich" too.
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + REMINDER_DAYS * 86_400_000).toISOString().slice(0, 10);
  return {
    // A concept marked for deletion is not in `titles`: what belongs to it waits for nobody.
    mentions: mentions.filter((m) => titles.has(m.conceptId)).map((m) => ({ ...m, conceptTitle: titles.get(m.conceptId) ?? "" })),
    rounds: rounds.map((r) => ({ ...r.round, conceptTitle: r.conceptTitle, overdue: r.round.dueDate < today, dueSoon: r.round.dueDate <= soon })),
    notifications: notifications.filter((n) => titles.has(n.n.conceptId)).map((n) => ({ ...n.n, actorName: n.actorName, conceptTitle: titles.get(n.n.conceptId) ?? "" })),
    unread,
  };
}

export async function unreadCount(actor: Actor, input: { municipalityId: string }) {
  await requireRole(actor, input.municipalityId, "concept.read");
  return countUnread({ userId: actor.id, municipalityId: input.municipalityId });
}

export const markReadSchema = z.object({ municipalityId: z.string().uuid(), ids: z.array(z.string().uuid()).max(200).optional() });

/** Mark the user's own notifications read (all, or the given ones). */
export async function markNotificationsRead(actor: Actor, input: { municipalityId: string; ids?: string[] }) {
  await requireRole(actor, input.municipalityId, "concept.read");
  await markRead({ userId: actor.id, municipalityId: input.municipalityId, ids: input.ids });
  return { ok: true as const };
}

/** A concept's activity feed: who changed which section, commented, answered a round, changed the status (newest first). */
export async function readActivity(actor: Actor, conceptId: string, limit = 100): Promise<AuditRow[]> {
  const { concept } = await requireConcept(actor, conceptId, "concept.read");
  return listAudit({ municipalityId: concept.municipalityId, conceptId: concept.id, limit });
}

/** The municipality's audit log (admins): who did what and when, without document content. */
export async function readAuditLog(actor: Actor, input: { municipalityId: string; limit?: number; before?: string }) {
  await requireRole(actor, input.municipalityId, "audit.read");
  const before = input.before ? new Date(input.before) : undefined;
  if (before && Number.isNaN(before.getTime())) throw new AppError("bad_request", "Ungültiger Zeitpunkt.");
  return listAudit({ municipalityId: input.municipalityId, limit: Math.min(Math.max(input.limit ?? 200, 1), 10_000), before });
}

/**
 * The audit log as CSV (semicolon-separated, as German spreadsheets expect; formula-looking cells are defused):
 * the German sentence of each entry beside its codes, optionally with the log page's filter.
 */
export async function exportAuditCsv(actor: Actor, input: { municipalityId: string; query?: Omit<AuditQuery, "page" | "invalidDate"> }): Promise<string> {
  await requireRole(actor, input.municipalityId, "audit.read");
  const rows = await listAudit({ ...auditFilterOf(input.municipalityId, input.query ?? {}), limit: 10_000 });
  const head = ["Zeitpunkt", "Eintrag", "Person", "E-Mail", "Aktion", "Konzept", "Konzept-ID", "Objekt", "Angaben"];
  const lines = rows.map((r) =>
    [
      r.createdAt.toISOString(),
      describeAuditGerman({ action: r.action, actorName: r.actorName, conceptTitle: null, details: r.details }),
      r.actorName ?? "",
      r.actorEmail ?? "",
      r.action,
      r.conceptTitle ?? "",
      r.conceptId ?? "",
      r.objectId ?? "",
      JSON.stringify(r.details),
    ]
      .map(csvCell)
      .join(";"),
  );
  return "\ufeff" + [head.join(";"), ...lines].join("\r\n") + "\r\n";
}
