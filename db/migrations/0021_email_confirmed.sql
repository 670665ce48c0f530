ALTER TABLE "users" ADD COLUMN "email_confirmed_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
-- Accounts that came from the registration form and never showed their address since (no sign-on identity, no
-- accepted invitation, no used password link) are unconfirmed: a sign-on by that address must not inherit their password.
UPDATE "users" u SET "email_confirmed_at" = NULL
WHERE EXISTS (SELECT 1 FROM "audit_log" a WHERE a."actor_id" = u."id" AND a."action" = 'municipality.register')
  AND NOT EXISTS (SELECT 1 FROM "user_identities" i WHERE i."user_id" = u."id")
  AND NOT EXISTS (SELECT 1 FROM "invitations" v WHERE lower(v."email") = u."email" AND v."accepted_at" IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM "password_resets" r WHERE r."user_id" = u."id" AND r."used_at" IS NOT NULL);
