CREATE TABLE "peer_consents" (
	"municipality_id" uuid PRIMARY KEY NOT NULL,
	"contribute" boolean DEFAULT false NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_library_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"measure_id" uuid,
	"field_key" text NOT NULL,
	"level" "municipality_kind" NOT NULL,
	"band" integer NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"shared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"secret" text NOT NULL,
	"synthetic_peers" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_snapshot_contributions" (
	"snapshot_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"municipality_id" uuid,
	"member_key" bigint NOT NULL,
	"group_key" text NOT NULL,
	"level" "municipality_kind" NOT NULL,
	"metrics" jsonb NOT NULL,
	CONSTRAINT "peer_snapshot_contributions_snapshot_id_seq_pk" PRIMARY KEY("snapshot_id","seq")
);
--> statement-breakpoint
CREATE TABLE "peer_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trigger" text NOT NULL,
	"groups" jsonb NOT NULL,
	"contributors" integer NOT NULL,
	"synthetic_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "peer_consents" ADD CONSTRAINT "peer_consents_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_consents" ADD CONSTRAINT "peer_consents_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_library_entries" ADD CONSTRAINT "peer_library_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_library_entries" ADD CONSTRAINT "peer_library_entries_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_library_entries" ADD CONSTRAINT "peer_library_entries_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_snapshot_contributions" ADD CONSTRAINT "peer_snapshot_contributions_snapshot_id_peer_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."peer_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "peer_library_measure_idx" ON "peer_library_entries" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "peer_library_field_idx" ON "peer_library_entries" USING btree ("field_key","level");