import { date, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts } from "./concepts";

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
    /**
     * The municipality's personnel cost rate when the version was made, so that its PDF shows the costs it was
     * adopted with ({ perFteCents: null }: none set, the default applied). Null: made before rates were kept with
     * versions (migration 0023); such a version is costed with today's rate, and its PDF says so.
     */
    staffCostRate: jsonb("staff_cost_rate").$type<{ perFteCents: number | null }>(),
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
