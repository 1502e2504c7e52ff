ALTER TYPE "public"."intake_channel" ADD VALUE 'amazon';--> statement-breakpoint
CREATE TABLE "channel_connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "intake_channel" NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"api_base_url" text NOT NULL,
	"credentials_ciphertext" text NOT NULL,
	"webhook_secret_ciphertext" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"reconcile_every_minutes" integer DEFAULT 15 NOT NULL,
	"watermark" timestamp with time zone,
	"reconcile_claimed_at" timestamp with time zone,
	"last_reconciled_at" timestamp with time zone,
	"last_reconcile_error" text,
	"reconcile_failures" integer DEFAULT 0 NOT NULL,
	"last_test_at" timestamp with time zone,
	"last_test_ok" boolean,
	"last_test_message" text,
	"access_token_ciphertext" text,
	"access_token_expires_at" timestamp with time zone,
	"alert_kind" text,
	"alert_claimed_at" timestamp with time zone,
	"alert_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "channel_connections_channel_slug" UNIQUE("channel","slug")
);
--> statement-breakpoint
CREATE TABLE "intake_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "intake_channel" NOT NULL,
	"external_refund_id" text NOT NULL,
	"order_id" uuid NOT NULL,
	"payload_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"lines" jsonb NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intake_refunds_channel_external" UNIQUE("channel","external_refund_id")
);
--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "connection_id" uuid;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "source" text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "topic" text;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "delivery_id" text;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "triggered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "fetched" jsonb;--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD COLUMN "fetched_body" text;--> statement-breakpoint
ALTER TABLE "intake_refunds" ADD CONSTRAINT "intake_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intake_refunds" ADD CONSTRAINT "intake_refunds_payload_id_intake_payloads_id_fk" FOREIGN KEY ("payload_id") REFERENCES "public"."intake_payloads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_refunds_order_idx" ON "intake_refunds" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_connection_id_channel_connections_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."channel_connections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "intake_payloads_delivery_idx" ON "intake_payloads" USING btree ("channel","delivery_id");--> statement-breakpoint
CREATE INDEX "intake_payloads_connection_idx" ON "intake_payloads" USING btree ("connection_id","source","received_at");--> statement-breakpoint
-- hand-written:
ALTER TABLE "channel_connections" ADD CONSTRAINT "channel_connections_slug_format" CHECK ("slug" ~ '^[a-z0-9][a-z0-9-]{0,31}$');--> statement-breakpoint
ALTER TABLE "channel_connections" ADD CONSTRAINT "channel_connections_reconcile_minutes" CHECK ("reconcile_every_minutes" BETWEEN 1 AND 1440);--> statement-breakpoint
ALTER TABLE "intake_payloads" ADD CONSTRAINT "intake_payloads_source_check" CHECK ("source" IN ('webhook', 'reconciliation'));--> statement-breakpoint
ALTER TABLE "intake_refunds" ADD CONSTRAINT "intake_refunds_amount_check" CHECK ("amount_minor" >= 0);
