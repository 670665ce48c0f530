/**
 * One audit entry as a sentence a person reads ("Miriam Keller hat den Status
 * von „Ressortabstimmung“ auf „Beschlussvorlage“ gesetzt – Integrationskonzept
 * 2026–2030"), in the UI language. Pure: the caller passes the translator of
 * the "audit" messages and the names of keys (status, role, chapter …) in that
 * language. An entry only holds keys and short labels written when it was
 * recorded (see the recordAudit call sites); a detail an older entry lacks
 * gives the plainer sentence, an unknown action a generic one – never raw data.
 */
export type AuditDetails = Record<string, string | number | null>;

export type AuditFacts = {
  action: string;
  /** null: the person's account was deleted, or nobody (a scheduled job) */
  actorName: string | null;
  /** null: the entry is about the municipality, or the reader is on the concept already */
  conceptTitle: string | null;
  details: AuditDetails;
};

/** Labels of stored keys in the reader's language. */
export type AuditNames = {
  status: (key: string) => string;
  role: (key: string) => string;
  chapter: (key: string) => string;
  /** a part every field of action has (Ausgangslage, Leitziel …) by its key */
  fieldPart: (key: string) => string;
  /** a standard field by its key; a custom field keeps its title (null: a custom field's key without a title) */
  field: (key: string, title: string | null) => string | null;
  setting: (key: string) => string;
  /** how a user's own text (a title, a measure, a label) is set into the sentence: the page isolates it, CSV and mail keep it plain */
  userText?: (text: string) => string;
  money: (cents: number) => string;
};

/** A message of the "audit" namespace, e.g. t("sentence.status_change", { actor, from, to }). */
export type AuditTranslate = (key: string, values?: Record<string, string | number>) => string;

type Values = Record<string, string | number>;
/** The message key below "sentence." and its values; null: this entry lacks what the sentence needs. */
type Spec = (d: AuditDetails, n: AuditNames) => [string, Values] | null;

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
/** A user's own text from the details (a title, a measure's name), as the reader's page sets it (isolated), or null. */
const own = (v: unknown, n: AuditNames): string | null => {
  const t = text(v);
  return t === null ? null : (n.userText ?? ((x: string) => x))(t);
};
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);

/** `key` with values when every one is present; otherwise the plainer `fallback` (a key without values). */
function either(key: string, values: Record<string, string | number | null>, fallback: string): [string, Values] {
  return Object.values(values).every((v) => v !== null) ? [key, values as Values] : [fallback, {}];
}

/** Field title from `field` (key) and `fieldTitle`, or null. */
function fieldName(d: AuditDetails, n: AuditNames): string | null {
  const key = text(d.field);
  const title = text(d.fieldTitle);
  return key || title ? n.field(key ?? "", title) : null;
}

const measureSpec = (key: string): Spec => (d, n) => either(key, { measure: own(d.measure, n) }, `${key}_plain`);
const fieldSpec = (key: string): Spec => (d, n) => either(key, { field: fieldName(d, n) }, `${key}_plain`);

/** A part marked or unmarked "fertig": a field's part ("Leitziel" in "Sprache") or a chapter's text. */
const partSpec = (key: string): Spec => (d, n) => {
  const field = fieldName(d, n);
  const part = text(d.part);
  if (field && part) return [`${key}_field`, { part: n.fieldPart(part), field }];
  // Without a field: a chapter's own text (in template 2 also the introduction of the chapter Handlungsfelder).
  const chapter = text(d.chapter);
  return chapter ? [key, { chapter: n.chapter(chapter) }] : [`${key}_plain`, {}];
};

/** A due date as stored (2027-01-31) the way the UI writes dates (31.01.2027). */
const dueDate = (v: unknown): string | null => {
  const m = typeof v === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v) : null;
  return m ? `${m[3]}.${m[2]}.${m[1]}` : null;
};

/** A responsibility set or removed: for a field of action or a chapter, with the person (and the due date when set). */
const assignmentSpec = (key: string, withDue: boolean): Spec => (d, n) => {
  const person = text(d.person);
  const due = withDue ? dueDate(d.due) : "";
  if (!person || due === null) return [`${key}_plain`, {}];
  const values: Values = withDue ? { person, due } : { person };
  const field = fieldName(d, n);
  if (field) return [`${key}_field`, { ...values, field }];
  const chapter = text(d.chapter);
  return chapter ? [key, { ...values, chapter: n.chapter(chapter) }] : [`${key}_plain`, {}];
};
/** A decided proposal, named by its chapter or field of action like a text edit. */
const suggestionSpec =
  (key: string): Spec =>
  (d, n) => {
    const field = fieldName(d, n);
    if (field) return [`${key}_field`, { field }];
    const chapter = text(d.chapter);
    return chapter && chapter !== "fields" ? [key, { chapter: n.chapter(chapter) }] : [`${key}_plain`, {}];
  };

/** A bulk decision: the count and the part's place (chapter or field); without a count the single-decision sentence's plain form. */
const suggestionsSpec =
  (key: string): Spec =>
  (d, n) => {
    const count = num(d.count);
    if (count === null) return [`${key}_plain`, {}];
    const field = fieldName(d, n);
    if (field) return [`${key}_field`, { field, count }];
    const chapter = text(d.chapter);
    return chapter && chapter !== "fields" ? [key, { chapter: n.chapter(chapter), count }] : [`${key}_count`, { count }];
  };

const SPECS: Record<string, Spec> = {
  "concept.create": (d, n) => either("concept_create", { title: own(d.title, n) }, "concept_create_plain"),
  "concept.import": (d, n) =>
    text(d.file) ? either("concept_import_file", { title: own(d.title, n), file: own(d.file, n) }, "concept_import_plain") : either("concept_import", { title: own(d.title, n) }, "concept_import_plain"),
  "concept.rename": (d, n) => either("concept_rename", { from: own(d.from, n), to: own(d.to, n) }, "concept_rename_plain"),
  "concept.settings": (d, n) => {
    const keys = (text(d.settings) ?? "").split(",").filter(Boolean);
    return keys.length ? ["concept_settings", { settings: keys.map((k) => n.setting(k)).join(", ") }] : ["concept_settings_plain", {}];
  },
  "concept.import_into_draft": (d, n) => either("concept_import_into_draft", { file: own(d.file, n) }, "concept_import_into_draft_plain"),
  "concept.archive": (d, n) => either("concept_archive", { title: own(d.title, n) }, "concept_archive_plain"),
  "concept.unarchive": (d, n) => either("concept_unarchive", { title: own(d.title, n) }, "concept_unarchive_plain"),
  "concept.mark_for_deletion": (d, n) => either("concept_mark_for_deletion", { title: own(d.title, n) }, "concept_mark_for_deletion_plain"),
  "concept.restore_from_deletion": (d, n) => either("concept_restore_from_deletion", { title: own(d.title, n) }, "concept_restore_from_deletion_plain"),
  "concept.purge": (d, n) => either("concept_purge", { title: own(d.title, n) }, "concept_purge_plain"),
  "section.edit": (d, n) => {
    const field = fieldName(d, n);
    if (field) return ["section_edit_field", { field }];
    const chapter = text(d.chapter);
    // In the chapter Handlungsfelder, text without a field is the chapter's own introduction (template 2).
    return chapter && (chapter !== "fields" || (text(d.part) && !text(d.field))) ? ["section_edit", { chapter: n.chapter(chapter) }] : ["section_edit_plain", {}];
  },
  "field.create": fieldSpec("field_create"),
  "field.delete": fieldSpec("field_delete"),
  "subgoal.create": fieldSpec("subgoal_create"),
  "subgoal.update": fieldSpec("subgoal_update"),
  "subgoal.delete": fieldSpec("subgoal_delete"),
  "subgoal.move": fieldSpec("subgoal_move"),
  "measure.create": measureSpec("measure_create"),
  "measure.from_library": measureSpec("measure_from_library"),
  "measure.update": measureSpec("measure_update"),
  "measure.delete": measureSpec("measure_delete"),
  "measure.move": (d, n) => either(d.direction === "up" ? "measure_move_up" : "measure_move_down", { measure: own(d.measure, n) }, "measure_move_plain"),
  "part.done": partSpec("part_done"),
  "part.undone": partSpec("part_undone"),
  "assignment.set": assignmentSpec("assignment_set", true),
  "assignment.remove": assignmentSpec("assignment_remove", false),
  "check.acknowledge": () => ["check_acknowledge", {}],
  "check.withdraw": () => ["check_withdraw", {}],
  "monitoring.value_add": (d, n) => either("monitoring_value_add", { indicator: own(d.indicator, n), measure: own(d.measure, n) }, "monitoring_value_add_plain"),
  "monitoring.value_delete": (d, n) => either("monitoring_value_delete", { indicator: own(d.indicator, n), measure: own(d.measure, n) }, "monitoring_value_delete_plain"),
  "monitoring.year_status": (d, n) => either("monitoring_year_status", { year: num(d.year), measure: own(d.measure, n) }, "monitoring_year_status_plain"),
  "monitoring.year_status_clear": (d, n) => either("monitoring_year_status_clear", { year: num(d.year), measure: own(d.measure, n) }, "monitoring_year_status_clear_plain"),
  "key_figure.record": (d, n) => either("key_figure_record", { name: own(d.name, n), year: num(d.year) }, "key_figure_record_plain"),
  "key_figure.delete": (d, n) => either("key_figure_delete", { name: own(d.name, n), year: num(d.year) }, "key_figure_delete_plain"),
  "status.change": (d, n) => {
    const from = text(d.from);
    const to = text(d.to);
    return from && to ? ["status_change", { from: n.status(from), to: n.status(to) }] : ["status_change_plain", {}];
  },
  "concept.update_started": (d) => {
    const template = num(d.templateTo);
    return template === null ? ["concept_update_started", {}] : ["concept_update_started_template", { template }];
  },
  "version.create": (d, n) => {
    const version = num(d.version);
    if (version === null) return ["version_create_plain", {}];
    const label = own(d.label, n);
    return label ? ["version_create_label", { version, label }] : ["version_create", { version }];
  },
  "version.restore": (d) => either("version_restore", { version: num(d.version), backup: num(d.backup) }, "version_restore_plain"),
  "comment.create": (d, n) => {
    const where = fieldName(d, n) ?? (text(d.chapter) && d.chapter !== "fields" ? n.chapter(String(d.chapter)) : null);
    return either("comment_create", { where }, "comment_create_plain");
  },
  "comment.reply": () => ["comment_reply", {}],
  "comment.edit": () => ["comment_edit", {}],
  "comment.delete": () => ["comment_delete", {}],
  "comment.hide": () => ["comment_hide", {}],
  "thread.resolve": () => ["thread_resolve", {}],
  "thread.reopen": () => ["thread_reopen", {}],
  "round.start": (d) => either("round_start", { version: num(d.version) }, "round_start_plain"),
  "round.approve": () => ["round_approve", {}],
  "round.request_changes": () => ["round_request_changes", {}],
  "round.close": () => ["round_close", {}],
  "round.complete": (d) => [d.verdict === "request_changes" ? "round_complete_changes" : "round_complete_approve", {}],
  "suggestion.accept": suggestionSpec("suggestion_accept"),
  "suggestion.reject": suggestionSpec("suggestion_reject"),
  "suggestion.accept_all": suggestionsSpec("suggestion_accept_all"),
  "suggestion.reject_all": suggestionsSpec("suggestion_reject_all"),
  "municipality.register": (d, n) => either("municipality_register", { name: own(d.name, n) }, "municipality_register_plain"),
  "invitation.create": (d, n) => either("invitation_create", { email: text(d.email), role: text(d.role) && n.role(String(d.role)) }, "invitation_create_plain"),
  "invitation.revoke": (d) => either("invitation_revoke", { email: text(d.email) }, "invitation_revoke_plain"),
  "invitation.accept": (d, n) => either("invitation_accept", { role: text(d.role) && n.role(String(d.role)) }, "invitation_accept_plain"),
  "member.role": (d, n) =>
    either("member_role", { person: text(d.person), from: text(d.from) && n.role(String(d.from)), to: text(d.to) && n.role(String(d.to)) }, "member_role_plain"),
  "member.remove": (d) => either("member_remove", { person: text(d.person) }, "member_remove_plain"),
  "member.join_by_group": (d, n) => either("member_join_by_group", { role: text(d.role) && n.role(String(d.role)) }, "member_join_plain"),
  "member.role_by_group": (d, n) => either("member_role_by_group", { role: text(d.role) && n.role(String(d.role)) }, "member_role_by_group_plain"),
  "member.leave_by_group": () => ["member_leave_by_group", {}],
  "member.join_by_domain": (d, n) => either("member_join_by_domain", { role: text(d.role) && n.role(String(d.role)) }, "member_join_plain"),
  "sso.password_sign_in": (d) => [d.on === "yes" ? "sso_password_sign_in_on" : "sso_password_sign_in_off", {}],
  "sso.domain.allow": (d) => either("sso_domain_allow", { domain: text(d.domain) }, "sso_domain_allow_plain"),
  "sso.domain.remove": (d) => either("sso_domain_remove", { domain: text(d.domain) }, "sso_domain_remove_plain"),
  "sso.group_role.set": (d, n) => either("sso_group_role_set", { group: text(d.group), role: text(d.role) && n.role(String(d.role)) }, "sso_group_role_plain"),
  "sso.group_role.remove": (d) => either("sso_group_role_remove", { group: text(d.group) }, "sso_group_role_plain"),
  "peers.consent": (d) => [d.contribute === "yes" ? "peers_consent_on" : "peers_consent_off", {}],
  "library.share": measureSpec("library_share"),
  "library.unshare": measureSpec("library_unshare"),
  "municipality.staffCostRate": (d, n) => {
    const cents = num(d.cents);
    return cents === null ? ["staff_cost_rate_default", {}] : ["staff_cost_rate", { amount: n.money(cents) }];
  },
  "logo.upload": () => ["logo_upload", {}],
  "logo.remove": () => ["logo_remove", {}],
  "mail.retry": () => ["mail_retry", {}],
};

/** The actions describe() has a sentence for (every action of lib/audit/actions.ts, tested). */
export const DESCRIBED_ACTIONS = Object.keys(SPECS);

/** The entry as one sentence; with " – <concept title>" when the entry belongs to a concept and the title is given. */
export function describeAudit(entry: AuditFacts, t: AuditTranslate, names: AuditNames): string {
  const actor = entry.actorName?.trim() || t("someone");
  const spec = Object.hasOwn(SPECS, entry.action) ? SPECS[entry.action]! : null;
  const [key, values] = spec?.(entry.details ?? {}, names) ?? ["unknown", {}];
  const sentence = t(`sentence.${key}`, { ...values, actor });
  return entry.conceptTitle ? t("withConcept", { sentence, concept: entry.conceptTitle }) : sentence;
}
