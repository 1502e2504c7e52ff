CREATE TYPE "public"."cancel_reason" AS ENUM('too_much_product', 'too_expensive', 'switching_product', 'moving', 'other');--> statement-breakpoint
CREATE TYPE "public"."save_offer_kind" AS ENUM('skip_next', 'pause', 'change_frequency', 'discount');--> statement-breakpoint
CREATE TABLE "save_offer_acceptances" (
	"subscription_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"reason" "cancel_reason" NOT NULL,
	"terms" jsonb NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "save_offer_acceptances_pk" PRIMARY KEY("subscription_id","offer_id")
);
--> statement-breakpoint
CREATE TABLE "save_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reason" "cancel_reason" NOT NULL,
	"kind" "save_offer_kind" NOT NULL,
	"pause_months" integer,
	"frequency" "frequency",
	"discount_percent" integer,
	"discount_orders" integer,
	"message" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "save_offers_reason_once" UNIQUE("reason"),
	CONSTRAINT "save_offers_kind_columns" CHECK (("save_offers"."kind" = 'skip_next' AND "save_offers"."pause_months" IS NULL AND "save_offers"."frequency" IS NULL AND "save_offers"."discount_percent" IS NULL AND "save_offers"."discount_orders" IS NULL)
       OR ("save_offers"."kind" = 'pause' AND "save_offers"."pause_months" BETWEEN 1 AND 3 AND "save_offers"."frequency" IS NULL AND "save_offers"."discount_percent" IS NULL AND "save_offers"."discount_orders" IS NULL)
       OR ("save_offers"."kind" = 'change_frequency' AND "save_offers"."frequency" IS NOT NULL AND "save_offers"."pause_months" IS NULL AND "save_offers"."discount_percent" IS NULL AND "save_offers"."discount_orders" IS NULL)
       OR ("save_offers"."kind" = 'discount' AND "save_offers"."discount_percent" BETWEEN 1 AND 90 AND "save_offers"."discount_orders" BETWEEN 1 AND 12 AND "save_offers"."pause_months" IS NULL AND "save_offers"."frequency" IS NULL)),
	CONSTRAINT "save_offers_message_length" CHECK (char_length("save_offers"."message") BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "customer_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	CONSTRAINT "customer_emails_once" UNIQUE("dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancel_reason" "cancel_reason";--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "cancel_note" text;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "discount_percent" integer;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "discount_orders_left" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "save_offer_acceptances" ADD CONSTRAINT "save_offer_acceptances_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "save_offer_acceptances" ADD CONSTRAINT "save_offer_acceptances_offer_id_save_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."save_offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_emails" ADD CONSTRAINT "customer_emails_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_emails_unsent_idx" ON "customer_emails" USING btree ("created_at") WHERE "customer_emails"."sent_at" IS NULL;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_discount_coherent" CHECK (("subscriptions"."discount_orders_left" = 0 AND "subscriptions"."discount_percent" IS NULL)
       OR ("subscriptions"."discount_orders_left" > 0 AND "subscriptions"."discount_percent" BETWEEN 1 AND 90));