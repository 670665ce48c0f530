ALTER TABLE "measures" ADD COLUMN "code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "staff_cost_per_fte_cents" bigint;--> statement-breakpoint
CREATE UNIQUE INDEX "measures_concept_code_idx" ON "measures" USING btree ("concept_id",lower("code")) WHERE "measures"."code" <> '';