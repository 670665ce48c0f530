CREATE TABLE "concept_version_snapshots" (
	"version_id" uuid PRIMARY KEY NOT NULL,
	"snapshot" jsonb NOT NULL,
	"ids" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concept_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"concept_id" uuid NOT NULL,
	"municipality_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"label" text NOT NULL,
	"kind" text DEFAULT 'manual' NOT NULL,
	"status" text NOT NULL,
	"restored_from" integer,
	"hashes" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "concept_version_snapshots" ADD CONSTRAINT "concept_version_snapshots_version_id_concept_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."concept_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_versions" ADD CONSTRAINT "concept_versions_concept_id_concepts_id_fk" FOREIGN KEY ("concept_id") REFERENCES "public"."concepts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concept_versions" ADD CONSTRAINT "concept_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "concept_versions_number_idx" ON "concept_versions" USING btree ("concept_id","number");