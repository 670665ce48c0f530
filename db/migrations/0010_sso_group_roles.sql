CREATE TABLE "sso_group_roles" (
	"municipality_id" uuid NOT NULL,
	"group_name" text NOT NULL,
	"role" "role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_group_roles_municipality_id_group_name_pk" PRIMARY KEY("municipality_id","group_name")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "from_group" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sso_group_roles" ADD CONSTRAINT "sso_group_roles_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sso_group_roles_group_idx" ON "sso_group_roles" USING btree ("group_name");