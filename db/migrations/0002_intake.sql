CREATE TYPE "public"."intake_channel" AS ENUM('shopify', 'woocommerce', 'bigcommerce', 'api');--> statement-breakpoint
CREATE TYPE "public"."intake_check_mode" AS ENUM('strict', 'lenient');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('received', 'accepted', 'duplicate', 'ignored', 'rejected', 'dead_lettered', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."intake_test_orders" AS ENUM('ignore', 'accept');--> statement-breakpoint
CREATE TABLE "intake_channel_settings" (
	"channel" "intake_channel" PRIMARY KEY NOT NULL,
	"totals_mode" "intake_check_mode" NOT NULL,
	"customer_mode" "intake_check_mode" NOT NULL,
	"test_orders" "intake_test_orders" NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intake_payloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "intake_channel" NOT NULL,
	"external_id" text,
	"raw_body" text NOT NULL,
	"body_sha256" text NOT NULL,
	"corrected_body" text,
	"corrected_at" timestamp with time zone,
	"corrected_by" uuid,
	"headers" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signature_valid" boolean NOT NULL,
	"status" "intake_status" DEFAULT 'received' NOT NULL,
	"reason" text,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"canonical" jsonb,
	"channel_status" text,
	"action" text,
	"order_id" uuid,
	"duplicate_of" uuid,
	"superseded_by" uuid,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_error" text,
	"processed_at" timestamp with time zone,
	"replay_count" integer DEFAULT 0 NOT NULL,
	"replayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "intake_sku_aliases" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" "intake_channel" NOT NULL,
	"from_sku" text NOT NULL,
	"to_sku" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "intake_sku_aliases_channel_from" UNIQUE("channel","from_sku")
);
--> statement-breakpoint
CREATE TABLE "order_action_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"state_seq" integer NOT NULL,
	"state_id" text NOT NULL,
	"action_id" text NOT NULL,
	"action_type" text NOT NULL,
	"attempt" integer NOT NULL,
	"status" text NOT NULL,
	"error" text,
	"duration_ms" integer DEFAULT 0 NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_action_attempts_once" UNIQUE("order_id","state_seq","action_id","attempt")
);
--> statement-breakpoint
CREATE TABLE "workflow_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"workflow_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	CONSTRAINT "workflow_versions_number" UNIQUE("workflow_id","version")
);
--> statement-breakpoint
CREATE TABLE "workflows" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"draft" jsonb NOT NULL,
	"draft_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "workflows_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "payment_methods" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"token" text NOT NULL,
	"brand" text DEFAULT 'card' NOT NULL,
	"last4" text NOT NULL,
	"provider_customer_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"gateway" text NOT NULL,
	"status" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"ref" text NOT NULL,
	"authorized_at" timestamp with time zone DEFAULT now() NOT NULL,
	"captured_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_order_id_unique" UNIQUE("order_id")
);
--> statement-breakpoint
CREATE TABLE "test_gateway_operations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" text NOT NULL,
	"order_id" text NOT NULL,
	"card" text,
	"amount_minor" bigint,
	"currency" text,
	"outcome" text NOT NULL,
	"code" text,
	"ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_gateway_operations_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "transition_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_duplicate_of_intake_payloads_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."intake_payloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_superseded_by_intake_payloads_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."intake_payloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_action_attempts" ADD CONSTRAINT "order_action_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_payloads_status_idx" ON "intake_payloads" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "intake_payloads_channel_idx" ON "intake_payloads" USING btree ("channel","status","reason");--> statement-breakpoint
CREATE INDEX "intake_payloads_external_idx" ON "intake_payloads" USING btree ("channel","external_id");--> statement-breakpoint
CREATE INDEX "intake_payloads_body_idx" ON "intake_payloads" USING btree ("channel","body_sha256");--> statement-breakpoint
CREATE INDEX "intake_payloads_order_idx" ON "intake_payloads" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_action_attempts_at_idx" ON "order_action_attempts" USING btree ("at");--> statement-breakpoint
CREATE INDEX "test_gateway_operations_order_idx" ON "test_gateway_operations" USING btree ("order_id","kind");