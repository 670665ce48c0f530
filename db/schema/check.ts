import { pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { concepts } from "./concepts";

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
