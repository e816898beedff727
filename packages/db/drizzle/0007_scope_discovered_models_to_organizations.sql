ALTER TABLE "models" DROP CONSTRAINT "models_name_version_unique";--> statement-breakpoint
ALTER TABLE "models" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
-- Models derived from a cluster's CRDs were stored shared, readable by every tenant, and cannot be traced back
-- to the organisation that reported them: they are removed here (their components and relationships go with
-- them) and rebuilt in the reporting organisation's own scope the next time its agent reports those CRDs.
DELETE FROM "models" WHERE "metadata"->>'source' = 'crd';--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "models_organization_id_index" ON "models" USING btree ("organization_id");--> statement-breakpoint
ALTER TABLE "models" ADD CONSTRAINT "models_name_version_organizationId_unique" UNIQUE NULLS NOT DISTINCT("name","version","organization_id");
