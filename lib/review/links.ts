/**
 * Where a link about a thread or a round leads. A thread opens on the concept
 * page, in the margin beside its part (or under its chapter / field of action),
 * where components/concept/margin-comments.tsx scrolls to the passage, opens the
 * thread if it is collapsed and moves the focus there. A round is answered on the
 * concept page too (its summary at the top, the answers under the headings).
 */
export const threadPath = (conceptId: string, threadId: string) => `/concepts/${conceptId}#thread-${threadId}`;
export const roundPath = (conceptId: string) => `/concepts/${conceptId}#pruefrunde`;

/** The link of an in-app notification (mention, reply, round, reminder). */
export const notificationPath = (n: { conceptId: string; threadId: string | null; roundId: string | null }) =>
  n.threadId ? threadPath(n.conceptId, n.threadId) : roundPath(n.conceptId);

/** Audit actions whose object is a thread: the log links them to the thread, the rest to the concept. */
const THREAD_ACTIONS = new Set(["comment.create", "comment.reply", "thread.resolve", "thread.reopen"]);

type AuditRef = { action: string; conceptId: string; objectId: string | null };

/** The thread an audit entry is about (a new thread, a reply, resolved, reopened), or null. */
export const auditThreadPath = (e: AuditRef) => (e.objectId && THREAD_ACTIONS.has(e.action) ? threadPath(e.conceptId, e.objectId) : null);

/** The link of an entry of the audit log about a concept: its thread if it has one, else the concept. */
export const auditEntryPath = (e: AuditRef) => auditThreadPath(e) ?? `/concepts/${e.conceptId}`;
