ALTER TABLE "concepts" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "archived_by" uuid;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "delete_after" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "concepts" ADD COLUMN "deletion_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concepts" ADD CONSTRAINT "concepts_deletion_requested_by_users_id_fk" FOREIGN KEY ("deletion_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "concepts_delete_after_idx" ON "concepts" USING btree ("delete_after");