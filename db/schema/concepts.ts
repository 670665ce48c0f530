/** A concept and its content: fields of action, sections, sub-goals and measures. */
import { relations, sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { JSONContent } from "@tiptap/core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { municipalities } from "./municipalities";

export const taskTypeEnum = pgEnum("task_type", ["mandatory", "voluntary"]);
export const measureStatusEnum = pgEnum("measure_status", ["planned", "running", "completed", "established"]);
export const priorityEnum = pgEnum("priority", ["high", "medium", "low"]);

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

export type Concept = typeof concepts.$inferSelect;
export type Field = typeof fields.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type SubGoal = typeof subGoals.$inferSelect;
export type Measure = typeof measures.$inferSelect;
export type NewMeasure = typeof measures.$inferInsert;
export type TaskType = (typeof taskTypeEnum.enumValues)[number];
export type MeasureStatus = (typeof measureStatusEnum.enumValues)[number];
export type Priority = (typeof priorityEnum.enumValues)[number];
