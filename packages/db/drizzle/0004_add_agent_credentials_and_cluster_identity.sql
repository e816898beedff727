ALTER TABLE "agent_bootstrap_tokens" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "kube_system_uid" text NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "credential_expires_at" timestamp with time zone NOT NULL;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "previous_credential_hash" text;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "previous_credential_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "agents" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "agents_last_heartbeat_at_index" ON "agents" USING btree ("last_heartbeat_at");--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_previousCredentialHash_unique" UNIQUE("previous_credential_hash");--> statement-breakpoint
ALTER TABLE "agents" ADD CONSTRAINT "agents_organizationId_kubeSystemUid_unique" UNIQUE("organization_id","kube_system_uid");