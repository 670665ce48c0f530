import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts } from "./concepts";

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

export type CommentThread = typeof commentThreads.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ReviewRound = typeof reviewRounds.$inferSelect;
