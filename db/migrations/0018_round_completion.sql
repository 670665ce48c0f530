ALTER TABLE "review_round_reviewers" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "review_round_reviewers" ADD COLUMN "verdict" text;--> statement-breakpoint
ALTER TABLE "review_round_reviewers" ADD COLUMN "note" text DEFAULT '' NOT NULL;