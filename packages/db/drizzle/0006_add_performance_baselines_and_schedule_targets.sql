ALTER TABLE "performance_results" ADD COLUMN "error" text;--> statement-breakpoint
ALTER TABLE "performance_results" ADD COLUMN "source" text DEFAULT 'local' NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_results" ADD COLUMN "is_baseline" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_schedules" ADD COLUMN "connection_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "performance_schedules" ADD COLUMN "last_result_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "performance_results_one_baseline_per_profile" ON "performance_results" USING btree ("profile_id") WHERE "performance_results"."is_baseline";