CREATE TABLE "inventory_objects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"uid" text NOT NULL,
	"api_group" text NOT NULL,
	"api_version" text NOT NULL,
	"kind" text NOT NULL,
	"namespace" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"labels" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"object" jsonb NOT NULL,
	"resource_version" text NOT NULL,
	"generation" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_objects_connectionId_uid_unique" UNIQUE("connection_id","uid")
);
--> statement-breakpoint
ALTER TABLE "inventory_objects" ADD CONSTRAINT "inventory_objects_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_objects" ADD CONSTRAINT "inventory_objects_connection_tenant_fk" FOREIGN KEY ("connection_id","organization_id") REFERENCES "public"."connections"("id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inventory_objects_organization_id_connection_id_kind_namespace_name_index" ON "inventory_objects" USING btree ("organization_id","connection_id","kind","namespace","name");--> statement-breakpoint
CREATE INDEX "inventory_objects_connection_id_api_group_kind_generation_index" ON "inventory_objects" USING btree ("connection_id","api_group","kind","generation");