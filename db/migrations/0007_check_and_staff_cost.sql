CREATE TABLE "check_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"finding_key" text NOT NULL,
	"rule" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "municipalities" ADD COLUMN "staff_cost_per_fte_cents" bigint;--> statement-breakpoint
ALTER TABLE "check_acknowledgements" ADD CONSTRAINT "check_acknowledgements_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_acknowledgements" ADD CONSTRAINT "check_acknowledgements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ack_concept_key_idx" ON "check_acknowledgements" USING btree ("concept_id","finding_key");