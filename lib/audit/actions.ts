/**
 * Every action the audit log records, grouped into the kinds the log's filter
 * offers. A new `recordAudit` action belongs here (and gets a sentence in
 * lib/audit/describe.ts; describe.test.ts fails for one that has none).
 */
export const AUDIT_KINDS = {
  content: [
    "concept.create",
    "concept.import",
    "concept.rename",
    "concept.settings",
    "concept.import_into_draft",
    "concept.archive",
    "concept.unarchive",
    "concept.mark_for_deletion",
    "concept.restore_from_deletion",
    "concept.purge",
    "section.edit",
    "field.create",
    "field.delete",
    "subgoal.create",
    "subgoal.update",
    "subgoal.delete",
    "subgoal.move",
    "measure.create",
    "measure.from_library",
    "measure.update",
    "measure.delete",
    "measure.move",
    "check.acknowledge",
    "check.withdraw",
    "part.done",
    "part.undone",
    "assignment.set",
    "assignment.remove",
    "monitoring.value_add",
    "monitoring.value_delete",
    "monitoring.year_status",
    "monitoring.year_status_clear",
    "key_figure.record",
    "key_figure.delete",
  ],
  versions: ["status.change", "concept.update_started", "version.create", "version.restore"],
  review: [
    "comment.create",
    "comment.reply",
    "comment.edit",
    "comment.delete",
    "comment.hide",
    "thread.resolve",
    "thread.reopen",
    "round.start",
    "round.approve",
    "round.request_changes",
    "round.close",
    "round.complete",
    "suggestion.accept",
    "suggestion.reject",
    "suggestion.accept_all",
    "suggestion.reject_all",
  ],
  members: [
    "municipality.register",
    "invitation.create",
    "invitation.revoke",
    "invitation.accept",
    "member.role",
    "member.remove",
    "member.join_by_group",
    "member.role_by_group",
    "member.leave_by_group",
    "member.join_by_domain",
  ],
  signIn: ["sso.password_sign_in", "sso.domain.allow", "sso.domain.remove", "sso.group_role.set", "sso.group_role.remove"],
  sharing: ["peers.consent", "library.share", "library.unshare"],
  settings: ["municipality.staffCostRate", "logo.upload", "logo.remove", "mail.retry"],
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;
export type AuditAction = (typeof AUDIT_KINDS)[AuditKind][number];

export const KIND_KEYS = Object.keys(AUDIT_KINDS) as AuditKind[];
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT_KINDS).flat();

export function isAuditKind(value: unknown): value is AuditKind {
  return typeof value === "string" && Object.hasOwn(AUDIT_KINDS, value);
}

/** The kind an action belongs to; null for one this version does not know (an old or newer row). */
export function kindOf(action: string): AuditKind | null {
  return KIND_KEYS.find((k) => (AUDIT_KINDS[k] as readonly string[]).includes(action)) ?? null;
}
