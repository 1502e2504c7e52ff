CREATE TYPE "public"."role" AS ENUM('customer', 'merchandiser', 'admin');--> statement-breakpoint
CREATE TYPE "public"."product_kind" AS ENUM('standard', 'phantom', 'program');--> statement-breakpoint
CREATE TYPE "public"."cycle_override_kind" AS ENUM('skip', 'opt_out', 'reschedule');--> statement-breakpoint
CREATE TYPE "public"."end_kind" AS ENUM('until_cancelled', 'after_cycles', 'on_date');--> statement-breakpoint
CREATE TYPE "public"."frequency" AS ENUM('daily', 'weekly', 'biweekly', 'monthly', 'quarterly', 'semiannual', 'annual');--> statement-breakpoint
CREATE TYPE "public"."subscription_status" AS ENUM('active', 'paused', 'cancelled', 'completed');--> statement-breakpoint
CREATE TYPE "public"."order_kind" AS ENUM('subscription', 'order_now', 'one_off', 'intake');--> statement-breakpoint
CREATE TYPE "public"."program_flag_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."program_ledger_kind" AS ENUM('charge', 'refund', 'credit', 'write_off');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."program_shipment_outcome" AS ENUM('shipped', 'opted_out', 'missed');--> statement-breakpoint
CREATE TYPE "public"."workbench_job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."intake_channel" AS ENUM('shopify', 'woocommerce', 'bigcommerce', 'api');--> statement-breakpoint
CREATE TYPE "public"."intake_check_mode" AS ENUM('strict', 'lenient');--> statement-breakpoint
CREATE TYPE "public"."intake_status" AS ENUM('received', 'accepted', 'duplicate', 'ignored', 'rejected', 'dead_lettered', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."intake_test_orders" AS ENUM('ignore', 'accept');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"role" "role" DEFAULT 'customer' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"name" text NOT NULL,
	"line1" text NOT NULL,
	"line2" text,
	"city" text NOT NULL,
	"region" text,
	"postal_code" text NOT NULL,
	"country" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"valid" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"tier" text DEFAULT 'standard' NOT NULL,
	"region" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customers_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "customers_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "inventory" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_reserved_range" CHECK ("inventory"."reserved" >= 0 AND "inventory"."reserved" <= "inventory"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text DEFAULT 'general' NOT NULL,
	"kind" "product_kind" DEFAULT 'standard' NOT NULL,
	"price_minor" integer NOT NULL,
	"currency" text DEFAULT 'USD' NOT NULL,
	"sellable" boolean DEFAULT true NOT NULL,
	"image_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "products_sku_unique" UNIQUE("sku")
);
--> statement-breakpoint
CREATE TABLE "cycle_overrides" (
	"subscription_id" uuid NOT NULL,
	"cycle_index" integer NOT NULL,
	"kind" "cycle_override_kind" NOT NULL,
	"local_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_overrides_pk" UNIQUE("subscription_id","cycle_index")
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"cycle_index" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"email_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_once" UNIQUE("subscription_id","cycle_index")
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"address_id" uuid,
	"quantity" integer NOT NULL,
	"frequency" "frequency" NOT NULL,
	"anchor_date" date NOT NULL,
	"anchor_index" integer DEFAULT 0 NOT NULL,
	"local_time" text DEFAULT '09:00' NOT NULL,
	"time_zone" text NOT NULL,
	"end_kind" "end_kind" DEFAULT 'until_cancelled' NOT NULL,
	"end_cycles" integer,
	"end_date" date,
	"status" "subscription_status" DEFAULT 'active' NOT NULL,
	"paused_until" date,
	"next_cycle_index" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"failure_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "subscriptions_quantity_positive" CHECK ("subscriptions"."quantity" > 0),
	CONSTRAINT "subscriptions_end_coherent" CHECK (("subscriptions"."end_kind" = 'until_cancelled' AND "subscriptions"."end_cycles" IS NULL AND "subscriptions"."end_date" IS NULL)
       OR ("subscriptions"."end_kind" = 'after_cycles' AND "subscriptions"."end_cycles" > 0 AND "subscriptions"."end_date" IS NULL)
       OR ("subscriptions"."end_kind" = 'on_date' AND "subscriptions"."end_date" IS NOT NULL AND "subscriptions"."end_cycles" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"reserved_quantity" integer DEFAULT 0 NOT NULL,
	"meta" jsonb,
	CONSTRAINT "order_lines_quantity_positive" CHECK ("order_lines"."quantity" > 0),
	CONSTRAINT "order_lines_reserved_range" CHECK ("order_lines"."reserved_quantity" >= 0 AND "order_lines"."reserved_quantity" <= "order_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" serial NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" "order_kind" NOT NULL,
	"subscription_id" uuid,
	"cycle_index" integer,
	"channel" text DEFAULT 'replen' NOT NULL,
	"external_id" text,
	"state" text DEFAULT 'created' NOT NULL,
	"workflow_version_id" integer,
	"transition_seq" integer DEFAULT 0 NOT NULL,
	"currency" text NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"discount_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"shipping_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"shipping_address" jsonb,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"scheduled_for" timestamp with time zone,
	"state_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_number_unique" UNIQUE("number"),
	CONSTRAINT "orders_subscription_cycle" UNIQUE("subscription_id","cycle_index"),
	CONSTRAINT "orders_channel_external" UNIQUE("channel","external_id"),
	CONSTRAINT "orders_cycle_pair" CHECK (("orders"."subscription_id" IS NULL) = ("orders"."cycle_index" IS NULL) OR "orders"."kind" = 'order_now')
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"data" jsonb,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "program_enrollments" (
	"subscription_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"version_id" text NOT NULL,
	"joined_on" date NOT NULL,
	"state" jsonb NOT NULL,
	"billing_plan" jsonb NOT NULL,
	"settled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"phantom_product_id" uuid NOT NULL,
	"ship_date" date NOT NULL,
	"flag_date" date NOT NULL,
	"status" "program_flag_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "program_flags_once" UNIQUE("program_id","phantom_product_id","ship_date")
);
--> statement-breakpoint
CREATE TABLE "program_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subscription_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" "program_ledger_kind" NOT NULL,
	"shipment_index" integer,
	"amount_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_ledger_once" UNIQUE("subscription_id","key"),
	CONSTRAINT "program_ledger_amount" CHECK ("program_ledger"."amount_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "program_opt_outs" (
	"subscription_id" uuid NOT NULL,
	"shipment_index" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_opt_outs_subscription_id_shipment_index_pk" PRIMARY KEY("subscription_id","shipment_index")
);
--> statement-breakpoint
CREATE TABLE "program_revisions" (
	"program_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_revisions_program_id_revision_pk" PRIMARY KEY("program_id","revision"),
	CONSTRAINT "program_revisions_positive" CHECK ("program_revisions"."revision" > 0)
);
--> statement-breakpoint
CREATE TABLE "program_shipments" (
	"subscription_id" uuid NOT NULL,
	"shipment_index" integer NOT NULL,
	"outcome" "program_shipment_outcome" NOT NULL,
	"delivery_date" date NOT NULL,
	"event_number" integer,
	"series_product_id" uuid,
	"shipped_product_id" uuid,
	"substituted" boolean DEFAULT false NOT NULL,
	"order_id" uuid,
	"revision" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_shipments_subscription_id_shipment_index_pk" PRIMARY KEY("subscription_id","shipment_index")
);
--> statement-breakpoint
CREATE TABLE "program_substitutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"phantom_product_id" uuid NOT NULL,
	"substitute_product_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	CONSTRAINT "program_substitutions_range" CHECK ("program_substitutions"."from_date" <= "program_substitutions"."to_date")
);
--> statement-breakpoint
CREATE TABLE "programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"parent_product_id" uuid NOT NULL,
	"status" "program_status" DEFAULT 'draft' NOT NULL,
	"draft" jsonb NOT NULL,
	"current_revision" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programs_parent_product_id_unique" UNIQUE("parent_product_id")
);
--> statement-breakpoint
CREATE TABLE "workbench_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"to_revision" integer NOT NULL,
	"subscription_ids" uuid[] NOT NULL,
	"batch_size" integer NOT NULL,
	"status" "workbench_job_status" DEFAULT 'queued' NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"applied" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "workbench_jobs_progress" CHECK ("workbench_jobs"."processed" >= 0 AND "workbench_jobs"."processed" <= cardinality("workbench_jobs"."subscription_ids"))
);
--> statement-breakpoint
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
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory" ADD CONSTRAINT "inventory_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_overrides" ADD CONSTRAINT "cycle_overrides_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_address_id_addresses_id_fk" FOREIGN KEY ("address_id") REFERENCES "public"."addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrollments" ADD CONSTRAINT "program_enrollments_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrollments" ADD CONSTRAINT "program_enrollments_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_enrollments" ADD CONSTRAINT "program_enrollments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_flags" ADD CONSTRAINT "program_flags_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_flags" ADD CONSTRAINT "program_flags_phantom_product_id_products_id_fk" FOREIGN KEY ("phantom_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_ledger" ADD CONSTRAINT "program_ledger_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_opt_outs" ADD CONSTRAINT "program_opt_outs_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_revisions" ADD CONSTRAINT "program_revisions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_revisions" ADD CONSTRAINT "program_revisions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_shipments" ADD CONSTRAINT "program_shipments_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_shipments" ADD CONSTRAINT "program_shipments_series_product_id_products_id_fk" FOREIGN KEY ("series_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_shipments" ADD CONSTRAINT "program_shipments_shipped_product_id_products_id_fk" FOREIGN KEY ("shipped_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_shipments" ADD CONSTRAINT "program_shipments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_substitutions" ADD CONSTRAINT "program_substitutions_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_substitutions" ADD CONSTRAINT "program_substitutions_phantom_product_id_products_id_fk" FOREIGN KEY ("phantom_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_substitutions" ADD CONSTRAINT "program_substitutions_substitute_product_id_products_id_fk" FOREIGN KEY ("substitute_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_parent_product_id_products_id_fk" FOREIGN KEY ("parent_product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programs" ADD CONSTRAINT "programs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbench_jobs" ADD CONSTRAINT "workbench_jobs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workbench_jobs" ADD CONSTRAINT "workbench_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_duplicate_of_intake_payloads_id_fk" FOREIGN KEY ("duplicate_of") REFERENCES "public"."intake_payloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_superseded_by_intake_payloads_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."intake_payloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_action_attempts" ADD CONSTRAINT "order_action_attempts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_workflow_id_workflows_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflows"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_versions" ADD CONSTRAINT "workflow_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_methods" ADD CONSTRAINT "payment_methods_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_customer_idx" ON "addresses" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "reminders_unsent_idx" ON "reminders" USING btree ("due_at") WHERE "reminders"."email_sent_at" IS NULL;--> statement-breakpoint
CREATE INDEX "subscriptions_due_idx" ON "subscriptions" USING btree ("next_run_at") WHERE "subscriptions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "subscriptions_customer_idx" ON "subscriptions" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_state_idx" ON "orders" USING btree ("state");--> statement-breakpoint
CREATE INDEX "orders_state_entered_idx" ON "orders" USING btree ("state","state_entered_at");--> statement-breakpoint
CREATE INDEX "notifications_customer_idx" ON "notifications" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "program_enrollments_program_idx" ON "program_enrollments" USING btree ("program_id","revision");--> statement-breakpoint
CREATE INDEX "program_enrollments_customer_idx" ON "program_enrollments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "program_substitutions_program_idx" ON "program_substitutions" USING btree ("program_id","phantom_product_id","from_date");--> statement-breakpoint
CREATE INDEX "intake_payloads_status_idx" ON "intake_payloads" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "intake_payloads_channel_idx" ON "intake_payloads" USING btree ("channel","status","reason");--> statement-breakpoint
CREATE INDEX "intake_payloads_external_idx" ON "intake_payloads" USING btree ("channel","external_id");--> statement-breakpoint
CREATE INDEX "intake_payloads_body_idx" ON "intake_payloads" USING btree ("channel","body_sha256");--> statement-breakpoint
CREATE INDEX "intake_payloads_order_idx" ON "intake_payloads" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_action_attempts_at_idx" ON "order_action_attempts" USING btree ("at");--> statement-breakpoint
CREATE INDEX "test_gateway_operations_order_idx" ON "test_gateway_operations" USING btree ("order_id","kind");