import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { JSONContent } from "@tiptap/core";

export const roleEnum = pgEnum("role", ["admin", "editor", "reviewer", "viewer"]);
export const municipalityKindEnum = pgEnum("municipality_kind", ["city", "county", "town"]);
export const taskTypeEnum = pgEnum("task_type", ["mandatory", "voluntary"]);
export const measureStatusEnum = pgEnum("measure_status", ["planned", "running", "completed", "established"]);
export const priorityEnum = pgEnum("priority", ["high", "medium", "low"]);

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  /** language of the mails to this person ("de" | "en"); set by the language switch while signed in */
  locale: text("locale").notNull().default("de"),
  /** true: one summary mail a day (lib/review/digest.ts) instead of a mail per mention */
  mailDigest: boolean("mail_digest").notNull().default(false),
  /** the German calendar day the last summary was sent for (several processes claim it once) */
  digestSentOn: date("digest_sent_on"),
  createdAt: createdAt(),
});

/** An account at a single sign-on provider linked to a user: the provider's issuer and its stable subject. */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/**
 * Self-service sign-on: a person unknown to the app who signs in through a provider
 * with an e-mail address of this domain becomes a member (viewer) of the municipality.
 */
export const ssoDomains = pgTable(
  "sso_domains",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.domain] }), index("sso_domains_domain_idx").on(t.domain)],
);

/** "Passwort vergessen": one row per requested link; only the token's hash is kept, and a used row is spent. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * Outgoing mail, written in the same transaction as what causes it. A sender claims
 * due rows (FOR UPDATE SKIP LOCKED) and holds them for a lease; a row is marked sent
 * only after the SMTP server accepted it, and retried with backoff on failure.
 */
export const mailQueue = pgTable(
  "mail_queue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** the municipality whose admins see the mail when it fails; null for mails to one person (password reset) */
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    /** invitation | password_reset */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** pending | sent | failed (gave up after the last attempt) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** while set and in the future, one sender owns the row */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** the Message-ID header, fixed at enqueue: a resend after a crash is recognisable as the same mail */
    messageId: text("message_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("mail_queue_due_idx").on(t.status, t.nextAttemptAt), index("mail_queue_municipality_idx").on(t.municipalityId, t.status)],
);

/** One row per signed-in browser; the JWT carries only its id, so deleting the row ends the session at once. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export const municipalities = pgTable("municipalities", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** Amtlicher Gemeindeschlüssel (8 digits) or Kreisschlüssel (5 digits) */
  ags: text("ags").notNull().unique(),
  kind: municipalityKindEnum("kind").notNull(),
  state: text("state").notNull(),
  population: integer("population").notNull(),
  /** personnel cost per VZÄ and year in cents (chapter 7); null: the documented default (lib/funding/rate.ts) */
  staffCostPerFteCents: bigint("staff_cost_per_fte_cents", { mode: "number" }),
  /** false: members sign in only through single sign-on (settable only while a provider is configured) */
  passwordSignIn: boolean("password_sign_in").notNull().default(true),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    /** true: the role comes from a group of the single sign-on provider (sso_group_roles) and follows it at every sign-in */
    fromGroup: boolean("from_group").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.municipalityId] }), index("memberships_municipality_idx").on(t.municipalityId)],
);

/** Single sign-on: a group in the provider's groups claim gives a role in the municipality (set by its admins). */
export const ssoGroupRoles = pgTable(
  "sso_group_roles",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    /** the group's name or id as the provider sends it, lower-cased (directory group names ignore case) */
    groupName: text("group_name").notNull(),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.groupName] }), index("sso_group_roles_group_idx").on(t.groupName)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    /** sha-256 of the token in the link; the token itself is never stored */
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_municipality_idx").on(t.municipalityId)],
);

export const concepts = pgTable(
  "concepts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    templateVersion: integer("template_version").notNull(),
    status: text("status").notNull().default("draft"),
    /** Structured answers of the template's chapters (validity, whole-society flag, organisational model …) */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Archived: out of the main list, read-only for everyone until an admin takes it back out. */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    archivedBy: uuid("archived_by").references(() => users.id, { onDelete: "set null" }),
    /** Marked for deletion: served to nobody but the admins' restore list; purged for good after this moment. */
    deleteAfter: timestamp("delete_after", { withTimezone: true }),
    deletionRequestedBy: uuid("deletion_requested_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("concepts_municipality_idx").on(t.municipalityId), index("concepts_delete_after_idx").on(t.deleteAfter)],
);

/** A field of action (Handlungsfeld) of a concept: the six of the template and the municipality's own. */
export const fields = pgTable(
  "fields",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    custom: boolean("custom").notNull().default(false),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("fields_concept_key_idx").on(t.conceptId, t.key)],
);

/**
 * One rich-text part of the concept (a chapter's text, or a field's Ausgangslage / Leitziel).
 * `revision` grows with every save; a save names the revision it was based on.
 */
export const sections = pgTable(
  "sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    fieldId: uuid("field_id").references(() => fields.id, { onDelete: "cascade" }),
    /** chapter key, e.g. "mandate"; for a field's parts "fields" */
    chapter: text("chapter").notNull(),
    /** part key within the chapter or field, e.g. "text", "baseline", "goal" */
    part: text("part").notNull(),
    content: jsonb("content").$type<JSONContent>().notNull(),
    /** plain-text length, kept for the outline's progress without loading content */
    textLength: integer("text_length").notNull().default(0),
    revision: integer("revision").notNull().default(0),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sections_part_idx").on(t.conceptId, t.chapter, t.part, sql`coalesce(${t.fieldId}, '00000000-0000-0000-0000-000000000000')`),
    index("sections_concept_idx").on(t.conceptId),
  ],
);

export const subGoals = pgTable(
  "sub_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => fields.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("sub_goals_field_idx").on(t.fieldId)],
);

export type FundingLine = {
  source: "municipal" | "state" | "federal" | "eu" | "thirdParty";
  programme: string;
  /** euro cents */
  amountCents: number;
  until: string | null;
};

/**
 * Where a measure came from when it was taken from the peer measure library:
 * the entry's id and date (when it was shared, "Stand") and the day it was
 * taken. Never the contributing municipality: the library shows only its level
 * and size, and even that stays in the library.
 */
export type MeasureOrigin = {
  kind: "peerLibrary";
  entryId: string;
  /** the library's field of action of the entry ("language" … or "other") */
  fieldKey: string;
  /** "YYYY-MM-DD": when the entry was shared (its state) */
  sharedOn: string;
  /** "YYYY-MM-DD": when it was taken into the concept */
  takenOn: string;
};

export type Indicator = {
  /** stable across edits, versions and backups (lib/measures/indicator-ids.ts); the Ist-Werte point to it */
  id: string;
  name: string;
  kind: "output" | "outcome";
  unit: string;
  baseline: string;
  target: string;
  dataSource: string;
  cadence: string;
};

export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    fieldId: uuid("field_id")
      .notNull()
      .references(() => fields.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** the measure's own code, e.g. "SP-01"; "" → the automatic number (lib/measures/label.ts) */
    code: text("code").notNull().default(""),
    description: jsonb("description").$type<JSONContent>().notNull(),
    subGoalIds: jsonb("sub_goal_ids").$type<string[]>().notNull().default([]),
    targetGroups: jsonb("target_groups").$type<string[]>().notNull().default([]),
    taskType: taskTypeEnum("task_type").notNull(),
    leadOffice: text("lead_office").notNull().default(""),
    partners: jsonb("partners").$type<string[]>().notNull().default([]),
    status: measureStatusEnum("status").notNull().default("planned"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    priority: priorityEnum("priority").notNull().default("medium"),
    staffFte: numeric("staff_fte", { precision: 6, scale: 2 }),
    materialCostCents: bigint("material_cost_cents", { mode: "number" }),
    /** the measure's own personnel cost rate per VZÄ and year; null → the municipality's (lib/funding/rate.ts) */
    staffCostPerFteCents: bigint("staff_cost_per_fte_cents", { mode: "number" }),
    fundingLines: jsonb("funding_lines").$type<FundingLine[]>().notNull().default([]),
    indicators: jsonb("indicators").$type<Indicator[]>().notNull().default([]),
    /** set when the measure was taken from the peer measure library; null for a measure written here */
    origin: jsonb("origin").$type<MeasureOrigin>(),
    revision: integer("revision").notNull().default(0),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measures_field_idx").on(t.fieldId, t.position),
    index("measures_concept_idx").on(t.conceptId),
    // A code is unique within its concept, ignoring case; the service checks first and names the other measure.
    uniqueIndex("measures_concept_code_idx")
      .on(t.conceptId, sql`lower(${t.code})`)
      .where(sql`${t.code} <> ''`),
  ],
);

export const conceptsRelations = relations(concepts, ({ many, one }) => ({
  municipality: one(municipalities, { fields: [concepts.municipalityId], references: [municipalities.id] }),
  fields: many(fields),
  sections: many(sections),
  measures: many(measures),
}));

export type User = typeof users.$inferSelect;
export type Municipality = typeof municipalities.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type MunicipalityKind = (typeof municipalityKindEnum.enumValues)[number];
export type Concept = typeof concepts.$inferSelect;
export type Field = typeof fields.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type SubGoal = typeof subGoals.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type NewMeasure = typeof measures.$inferInsert;
export type TaskType = (typeof taskTypeEnum.enumValues)[number];
export type MeasureStatus = (typeof measureStatusEnum.enumValues)[number];
export type Priority = (typeof priorityEnum.enumValues)[number];

/**
 * A version: an immutable, numbered snapshot of a whole concept. This row holds
 * only what the history lists (and small per-section hashes, so the number of
 * changed sections between two versions is known without loading snapshots);
 * the snapshot itself is in concept_version_snapshots. A trigger refuses
 * updates of both tables (migration 0001).
 */
export const conceptVersions = pgTable(
  "concept_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    number: integer("number").notNull(),
    label: text("label").notNull(),
    /** manual | status (created by a status change) | before_restore / before_import (the draft as it was before a restore or an import into it) */
    kind: text("kind").notNull().default("manual"),
    /** the concept's status at the moment of the snapshot */
    status: text("status").notNull(),
    /** for kind before_restore: the number of the version that was restored */
    restoredFrom: integer("restored_from"),
    /** for the status "adopted": the council decision (Ratsbeschluss) */
    decisionDate: date("decision_date"),
    decisionReference: text("decision_reference"),
    /** { "<chapter>/<part>/<fieldKey>": sha1 of the canonical document, "measure:<id>": sha1 of the measure } */
    hashes: jsonb("hashes").$type<Record<string, string>>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("concept_versions_number_idx").on(t.conceptId, t.number)],
);

/** The content of a version: the backup format (lib/concepts/exchange) plus the database ids of fields, sub-goals and measures. */
export const conceptVersionSnapshots = pgTable("concept_version_snapshots", {
  versionId: uuid("version_id")
    .primaryKey()
    .references(() => conceptVersions.id, { onDelete: "cascade" }),
  snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
  ids: jsonb("ids").$type<{ fields: string[]; subGoals: string[]; measures: string[] }>().notNull(),
});

export type ConceptVersion = typeof conceptVersions.$inferSelect;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/** The municipality's logo (or coat of arms) on the PDF cover: a checked PNG or a sanitised SVG, at most 512 KB. */
export const municipalityLogos = pgTable("municipality_logos", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  /** image/png | image/svg+xml */
  mediaType: text("media_type").notNull(),
  bytes: bytea("bytes").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type MunicipalityLogo = typeof municipalityLogos.$inferSelect;

/**
 * Whether a municipality contributes its adopted concept's anonymised metrics
 * to the peer comparison (decided by its admin). No row: it does not.
 */
export const peerConsents = pgTable("peer_consents", {
  municipalityId: uuid("municipality_id")
    .primaryKey()
    .references(() => municipalities.id, { onDelete: "cascade" }),
  contribute: boolean("contribute").notNull().default(false),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The installation's peer settings (one row): the secret behind member keys, and whether synthetic demo peers are included. */
export const peerSettings = pgTable("peer_settings", {
  id: integer("id").primaryKey().default(1),
  secret: text("secret").notNull(),
  syntheticPeers: boolean("synthetic_peers").notNull().default(false),
});

/**
 * A published snapshot of the peer comparison: the partition into groups and
 * (in peer_snapshot_contributions) the anonymised metrics as they were at
 * publication. Comparisons read only published snapshots, never live data.
 */
export const peerSnapshots = pgTable("peer_snapshots", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** startup | operator | schedule */
  trigger: text("trigger").notNull(),
  groups: jsonb("groups").$type<{ key: string; level: "city" | "county" | "town"; from: number; to: number }[]>().notNull(),
  contributors: integer("contributors").notNull(),
  syntheticCount: integer("synthetic_count").notNull(),
  createdAt: createdAt(),
});

export const peerSnapshotContributions = pgTable(
  "peer_snapshot_contributions",
  {
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => peerSnapshots.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    /** only to leave the viewer out of its own comparison; null for synthetic peers; never in a response */
    municipalityId: uuid("municipality_id"),
    memberKey: bigint("member_key", { mode: "number" }).notNull(),
    groupKey: text("group_key").notNull(),
    level: municipalityKindEnum("level").notNull(),
    metrics: jsonb("metrics").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.seq] })],
);

/**
 * A measure an admin shared in the peer measure library: a copy of its title
 * and description (checked for names), with the contributor's group at the time
 * of sharing. The measure id lets the admin withdraw it; it is never shown to others.
 */
export const peerLibraryEntries = pgTable(
  "peer_library_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id").references(() => measures.id, { onDelete: "set null" }),
    fieldKey: text("field_key").notNull(),
    level: municipalityKindEnum("level").notNull(),
    band: integer("band").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    sharedBy: uuid("shared_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("peer_library_measure_idx").on(t.measureId), index("peer_library_field_idx").on(t.fieldKey, t.level)],
);

/**
 * Review (issue 4). A comment thread is anchored beside the text, never inside
 * it: a W3C Web Annotation style TextQuoteSelector (quote, prefix, suffix, plus
 * the offsets as a hint) over the section's plain text (its text nodes joined),
 * re-resolved against the current text when shown. A reviewer's comment so
 * never changes a section's revision, an editor's autosave, a version or a diff.
 */
export type TextAnchor = {
  quote: string;
  prefix: string;
  suffix: string;
  /** offsets in the plain text when the comment was made: a hint among several matches */
  start: number;
  end: number;
};

export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** text (a passage of a rich-text part) | measure | chapter (a general comment on a chapter or field of action) | suggestion (an open proposal in a part) */
    targetKind: text("target_kind").notNull(),
    /** for text: the section; kept as ids without foreign keys so that a thread outlives a removed part */
    sectionId: uuid("section_id"),
    measureId: uuid("measure_id"),
    /** chapter key; for fields of action "fields" with fieldKey */
    chapter: text("chapter").notNull(),
    fieldKey: text("field_key"),
    anchor: jsonb("anchor").$type<TextAnchor>(),
    /** for target kind "suggestion": the proposal's id (its marks in the part `sectionId`) the thread answers */
    suggestionId: text("suggestion_id"),
    /** open | resolved */
    state: text("state").notNull().default("open"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("comment_threads_concept_idx").on(t.conceptId, t.createdAt)],
);

/** One comment of a thread: plain text (mentions and links are found when shown), never HTML. */
export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => commentThreads.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** user ids mentioned with @Name */
    mentions: jsonb("mentions").$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    /** deleted by its author: the body is emptied, the thread shows "gelöscht" */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** hidden by an admin (recorded in the audit log) */
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenBy: uuid("hidden_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("comments_thread_idx").on(t.threadId, t.createdAt)],
);

/** A review round (Prüfrunde) of one version: chosen reviewers answer per chapter / field of action. */
export const reviewRounds = pgTable(
  "review_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    versionNumber: integer("version_number").notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date").notNull(),
    /** open | closed */
    state: text("state").notNull().default("open"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [index("review_rounds_concept_idx").on(t.conceptId)],
);

export const reviewRoundReviewers = pgTable(
  "review_round_reviewers",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** "Prüfung abschließen": the reviewer's overall verdict (approve | request_changes), after which their answers are final */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    verdict: text("verdict"),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index("review_round_reviewers_user_idx").on(t.userId)],
);

/** A reviewer's answer for one chapter or field of action: approve (Zustimmung) or requestChanges (Änderungsbedarf). */
export const reviewAnswers = pgTable(
  "review_answers",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id, { onDelete: "cascade" }),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** a chapter key, or "field:<key>" for a field of action */
    target: text("target").notNull(),
    verdict: text("verdict").notNull(),
    note: text("note").notNull().default(""),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.reviewerId, t.target] })],
);

/** In-app notifications (a mention, a reply in one's thread, a round to answer). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** mention | reply | round */
    kind: text("kind").notNull(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    threadId: uuid("thread_id"),
    roundId: uuid("round_id"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Who did what and when, per municipality — no document content, only ids,
 * keys (a status, a role, a chapter) and the names a sentence needs (a measure's
 * or field's title, an invited address, a version number); lib/audit/describe.ts
 * reads them as sentences. Also the source of a concept's activity feed.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** one of lib/audit/actions.ts, e.g. section.edit, measure.create, status.change, invitation.create */
    action: text("action").notNull(),
    conceptId: uuid("concept_id"),
    objectId: text("object_id"),
    details: jsonb("details").$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_municipality_idx").on(t.municipalityId, t.createdAt), index("audit_log_concept_idx").on(t.conceptId, t.createdAt)],
);

export type CommentThread = typeof commentThreads.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ReviewRound = typeof reviewRounds.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Real-time co-editing (DESIGN.md "Writing together"): one Yjs document per
 * rich-text part. `state` is the compacted Yjs state; every update a client
 * sends is appended to `section_updates` before the server acknowledges it, and
 * folded into `state` (and into `sections.content`, the JSON everything else
 * reads) by the compaction. State plus log is the truth; memory is a cache.
 */
export const sectionYjs = pgTable("section_yjs", {
  sectionId: uuid("section_id")
    .primaryKey()
    .references(() => sections.id, { onDelete: "cascade" }),
  conceptId: uuid("concept_id")
    .notNull()
    .references(() => concepts.id, { onDelete: "cascade" }),
  state: bytea("state").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const sectionUpdates = pgTable(
  "section_updates",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => sections.id, { onDelete: "cascade" }),
    conceptId: uuid("concept_id").notNull(),
    update: bytea("update").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("section_updates_section_idx").on(t.sectionId, t.id), index("section_updates_concept_idx").on(t.conceptId)],
);

/**
 * A Konzept-Check finding marked "bewusst so" (deliberately so), with the
 * reason: the check still lists it, apart and with the reason, for reviewers.
 * The key is the finding's stable key (rule + object), see lib/check/types.ts.
 */
export const checkAcknowledgements = pgTable(
  "check_acknowledgements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    findingKey: text("finding_key").notNull(),
    rule: text("rule").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("check_ack_concept_key_idx").on(t.conceptId, t.findingKey)],
);

export type CheckAcknowledgement = typeof checkAcknowledgements.$inferSelect;

/**
 * A part of a concept marked "fertig" by someone with edit rights (who and when).
 * A part is a chapter's own part (field_id null) or a part of a field of action;
 * "leer" and "begonnen" are never stored, they follow from the text.
 */
export const partMarks = pgTable(
  "part_marks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    fieldId: uuid("field_id").references(() => fields.id, { onDelete: "cascade" }),
    chapter: text("chapter").notNull(),
    part: text("part").notNull(),
    markedBy: uuid("marked_by").references(() => users.id, { onDelete: "set null" }),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("part_marks_part_idx").on(t.conceptId, t.chapter, t.part, sql`coalesce(${t.fieldId}, '00000000-0000-0000-0000-000000000000')`)],
);

export type PartMark = typeof partMarks.$inferSelect;

/**
 * Who is responsible for a chapter (field_id null) or a field of action
 * (chapter "fields" with its field), and by when. One person per place.
 */
export const assignments = pgTable(
  "assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    chapter: text("chapter").notNull(),
    fieldId: uuid("field_id").references(() => fields.id, { onDelete: "cascade" }),
    assigneeId: uuid("assignee_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dueDate: date("due_date").notNull(),
    assignedBy: uuid("assigned_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_place_idx").on(t.conceptId, t.chapter, sql`coalesce(${t.fieldId}, '00000000-0000-0000-0000-000000000000')`),
    index("assignments_assignee_idx").on(t.municipalityId, t.assigneeId),
  ],
);

export type Assignment = typeof assignments.$inferSelect;

/**
 * A proposed change (Änderungsvorschlag) that an editor or admin accepted or
 * rejected. Open proposals live in the text as marks (lib/suggestions); once
 * decided they leave the text, and this row keeps what was proposed, by whom
 * and when, and who decided, for the list of decided proposals.
 */
export const suggestionDecisions = pgTable(
  "suggestion_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** the part; kept without a foreign key so the record outlives a removed part */
    sectionId: uuid("section_id").notNull(),
    chapter: text("chapter").notNull(),
    part: text("part").notNull(),
    fieldKey: text("field_key"),
    /** the proposal's id in the marks */
    suggestionId: text("suggestion_id").notNull(),
    /** insert | delete | replace */
    kind: text("kind").notNull(),
    inserted: text("inserted").notNull(),
    deleted: text("deleted").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** when it was proposed (the proposer's clock, from the mark) */
    proposedAt: timestamp("proposed_at", { withTimezone: true }),
    /** accepted | rejected */
    decision: text("decision").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: createdAt(),
  },
  (t) => [index("suggestion_decisions_concept_idx").on(t.conceptId, t.decidedAt)],
);

export type SuggestionDecision = typeof suggestionDecisions.$inferSelect;
/**
 * Monitoring (issue 14): an observed value (Ist-Wert) of one indicator of a
 * measure, on a day, with its source. The indicator is named by its stable id
 * inside the measure's JSON (lib/measures/indicator-ids.ts), so a value outlives
 * an edit of the indicator; a value whose indicator was removed is kept but not
 * shown (a restore that brings the indicator back brings its values back).
 * Numeric where the value reads as a number, else text. Values of a deleted
 * measure stay (hidden) until the concept is deleted: restoring a version can
 * bring the measure back, and restoring the version before that restore must
 * bring back what it had.
 */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    // No foreign key, like a comment's: a measure removed by a restore and brought back by restoring the version before keeps its values.
    measureId: uuid("measure_id").notNull(),
    indicatorId: uuid("indicator_id").notNull(),
    /** the day the value describes ("Stichtag") */
    observedOn: date("observed_on").notNull(),
    /** the value as a number, when it reads as one ("1.250", "45 %"); else null and valueText holds it */
    valueNumber: numeric("value_number", { precision: 24, scale: 6 }),
    valueText: text("value_text").notNull().default(""),
    source: text("source").notNull().default(""),
    note: text("note").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("indicator_values_measure_idx").on(t.measureId, t.indicatorId, t.observedOn), index("indicator_values_concept_idx").on(t.conceptId)],
);

export type IndicatorValue = typeof indicatorValues.$inferSelect;

/** Implementation of a measure in one year (Umsetzungsstand), for the annual report: see lib/monitoring/year-status.ts. */
export const measureYearStatusEnum = pgEnum("measure_year_status_value", ["implemented", "partial", "not_implemented"]);

export const measureYearStatus = pgTable(
  "measure_year_status",
  {
    // No foreign key (see indicator_values): kept while the measure is gone, shown again when a restore brings it back.
    measureId: uuid("measure_id").notNull(),
    year: integer("year").notNull(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    status: measureYearStatusEnum("status").notNull(),
    note: text("note").notNull().default(""),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.year] }), index("measure_year_status_concept_idx").on(t.conceptId)],
);

export type MeasureYearStatus = typeof measureYearStatus.$inferSelect;
export type YearStatus = (typeof measureYearStatusEnum.enumValues)[number];

/**
 * A key figure of the Ausgangslage (Kennzahl, e.g. "Einwohner mit ausländischer
 * Staatsangehörigkeit") with its value of one year: context monitoring as a
 * table, typed by the office, not imported. One row per figure and year, so a
 * Fortschreibung shows the change (lib/key-figures/change.ts).
 */
export const keyFigures = pgTable(
  "key_figures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conceptId: uuid("concept_id")
      .notNull()
      .references(() => concepts.id, { onDelete: "cascade" }),
    municipalityId: uuid("municipality_id").notNull(),
    /** the figure's name as the office writes it; rows of one figure share it exactly */
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    year: integer("year").notNull(),
    /** optional day the value describes within its year ("Stichtag 31.12.") */
    referenceDate: date("reference_date"),
    value: numeric("value", { precision: 24, scale: 6 }).notNull(),
    source: text("source").notNull().default(""),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("key_figures_concept_name_year_idx").on(t.conceptId, t.name, t.year)],
);

export type KeyFigure = typeof keyFigures.$inferSelect;
