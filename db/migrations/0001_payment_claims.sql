ALTER TABLE "payments" ALTER COLUMN "ref" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "authorized_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "payments" ALTER COLUMN "authorized_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "email_claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "pending_key" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "test_gateway_operations_ref_idx" ON "test_gateway_operations" USING btree ("ref");--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_status_valid" CHECK ("payments"."status" IN ('authorizing', 'authorized', 'failed', 'capturing', 'captured', 'voiding', 'voided', 'refunding', 'refunded'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_ref_present" CHECK ("payments"."ref" IS NOT NULL OR "payments"."status" IN ('authorizing', 'failed'));