/** Progress of the writing: parts marked "fertig" and who is responsible for what. */
import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts, fields } from "./concepts";

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
