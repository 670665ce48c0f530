import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";

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

export type AuditEntry = typeof auditLog.$inferSelect;
