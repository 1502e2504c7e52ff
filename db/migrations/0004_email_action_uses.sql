CREATE TABLE "email_action_uses" (
	"reminder_id" uuid PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"claimed_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"outcome" text,
	CONSTRAINT "email_action_uses_action" CHECK ("email_action_uses"."action" IN ('skip', 'delay_week', 'order_now'))
);
--> statement-breakpoint
ALTER TABLE "email_action_uses" ADD CONSTRAINT "email_action_uses_reminder_id_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."reminders"("id") ON DELETE cascade ON UPDATE no action;