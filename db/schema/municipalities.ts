/** Municipalities, their members and roles, SSO group roles, invitations and the logo. */
import { bigint, boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { bytea, createdAt } from "./columns";

export const roleEnum = pgEnum("role", ["admin", "editor", "reviewer", "viewer"]);
export const municipalityKindEnum = pgEnum("municipality_kind", ["city", "county", "town"]);

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

export type Municipality = typeof municipalities.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type MunicipalityKind = (typeof municipalityKindEnum.enumValues)[number];
