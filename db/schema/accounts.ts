/** People and signing in: users, their SSO identities and domains, password resets, outgoing mail, sessions. */
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { municipalities } from "./municipalities";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash"),
  /**
   * when the person showed that the address is theirs (a link from a mail, a sign-on that names it); null only for
   * an address typed into the registration form and never answered: whoever typed it need not own it
   */
  emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true }).defaultNow(),
  /** language of the mails to this person ("de" | "en"); set by the language switch while signed in */
  locale: text("locale").notNull().default("de"),
  /** true: one summary mail a day (lib/review/digest.ts) instead of a mail per mention */
  mailDigest: boolean("mail_digest").notNull().default(false),
  /** the German calendar day the last summary was sent for (several processes claim it once) */
  digestSentOn: date("digest_sent_on"),
  createdAt: createdAt(),
});

/** An account at a single sign-on provider linked to a user: the provider's issuer and its stable subject. */
export const userIdentities = pgTable(
  "user_identities",
  {
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index("user_identities_user_idx").on(t.userId)],
);

/**
 * Self-service sign-on: a person unknown to the app who signs in through a provider
 * with an e-mail address of this domain becomes a member (viewer) of the municipality.
 */
export const ssoDomains = pgTable(
  "sso_domains",
  {
    municipalityId: uuid("municipality_id")
      .notNull()
      .references(() => municipalities.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.municipalityId, t.domain] }), index("sso_domains_domain_idx").on(t.domain)],
);

/** "Passwort vergessen": one row per requested link; only the token's hash is kept, and a used row is spent. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * Outgoing mail, written in the same transaction as what causes it. A sender claims
 * due rows (FOR UPDATE SKIP LOCKED) and holds them for a lease; a row is marked sent
 * only after the SMTP server accepted it, and retried with backoff on failure.
 */
export const mailQueue = pgTable(
  "mail_queue",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** the municipality whose admins see the mail when it fails; null for mails to one person (password reset) */
    municipalityId: uuid("municipality_id").references(() => municipalities.id, { onDelete: "cascade" }),
    /** invitation | password_reset */
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** pending | sent | failed (gave up after the last attempt) | cancelled (its recipient left the municipality before it went) */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** while set and in the future, one sender owns the row */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    lastError: text("last_error"),
    /** the Message-ID header, fixed at enqueue: a resend after a crash is recognisable as the same mail */
    messageId: text("message_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("mail_queue_due_idx").on(t.status, t.nextAttemptAt), index("mail_queue_municipality_idx").on(t.municipalityId, t.status)],
);

/** One row per signed-in browser; the JWT carries only its id, so deleting the row ends the session at once. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
