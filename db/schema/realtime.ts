import { bigint, index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bytea, createdAt } from "./columns";
import { concepts, sections } from "./concepts";

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
