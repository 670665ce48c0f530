CREATE TYPE "public"."measure_year_status_value" AS ENUM('implemented', 'partial', 'not_implemented');--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"observed_on" date NOT NULL,
	"value_number" numeric(24, 6),
	"value_text" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_year_status" (
	"measure_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"concept_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"status" "measure_year_status_value" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_year_status_measure_id_year_pk" PRIMARY KEY("measure_id","year")
);
--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_year_status" ADD CONSTRAINT "measure_year_status_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_year_status" ADD CONSTRAINT "measure_year_status_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "indicator_values_measure_idx" ON "indicator_values" USING btree ("measure_id","indicator_id","observed_on");--> statement-breakpoint
CREATE INDEX "indicator_values_concept_idx" ON "indicator_values" USING btree ("concept_id");--> statement-breakpoint
CREATE INDEX "measure_year_status_concept_idx" ON "measure_year_status" USING btree ("concept_id");--> statement-breakpoint
-- Every indicator gets a stable id inside its measure's JSON (lib/measures/indicator-ids.ts); version snapshots stay as they were (immutable).
UPDATE "measures" SET "indicators" = (
  SELECT coalesce(jsonb_agg(CASE WHEN x.elem ? 'id' THEN x.elem ELSE x.elem || jsonb_build_object('id', gen_random_uuid()::text) END ORDER BY x.ord), '[]'::jsonb)
  FROM jsonb_array_elements("measures"."indicators") WITH ORDINALITY AS x(elem, ord)
) WHERE jsonb_array_length("indicators") > 0;
