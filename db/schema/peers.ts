/** The peer comparison and the peer measure library. */
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt } from "./columns";
import { measures } from "./concepts";
import { municipalities, municipalityKindEnum } from "./municipalities";

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
