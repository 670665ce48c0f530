import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts } from "./concepts";

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
