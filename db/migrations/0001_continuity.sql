CREATE TYPE "public"."program_flag_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."program_ledger_kind" AS ENUM('charge', 'refund', 'credit', 'write_off');--> statement-breakpoint
CREATE TYPE "public"."program_status" AS ENUM('draft', 'active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."program_shipment_outcome" AS ENUM('shipped', 'opted_out', 'missed');--> statement-breakpoint
CREATE TYPE "public"."workbench_job_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
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
CREATE INDEX "program_enrollments_program_idx" ON "program_enrollments" USING btree ("program_id","revision");--> statement-breakpoint
CREATE INDEX "program_enrollments_customer_idx" ON "program_enrollments" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "program_substitutions_program_idx" ON "program_substitutions" USING btree ("program_id","phantom_product_id","from_date");