CREATE TABLE "admin_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"data" jsonb,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "admin_notifications_once" UNIQUE("user_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "workflow_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workflow_id" integer NOT NULL,
	"kind" text NOT NULL,
	"filter" jsonb NOT NULL,
	"params" jsonb NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"succeeded" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"cursor" uuid,
	"actor_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_sla_alerts" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"state_id" text NOT NULL,
	"state_seq" integer NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "admin_notifications" ADD CONSTRAINT "admin_notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_operations" ADD CONSTRAINT "workflow_operations_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_operations" ADD CONSTRAINT "workflow_operations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_sla_alerts" ADD CONSTRAINT "workflow_sla_alerts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_notifications_user_idx" ON "admin_notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "workflow_operations_workflow_idx" ON "workflow_operations" USING btree ("workflow_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_version_state_idx" ON "orders" USING btree ("workflow_version_id","state","state_entered_at");--> statement-breakpoint
CREATE INDEX "audit_order_transitions_at_idx" ON "audit_log" USING btree ("at") WHERE entity_type = 'order' AND action = 'transition';