CREATE TABLE "cycle_addons" (
	"subscription_id" uuid NOT NULL,
	"cycle_index" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cycle_addons_pk" PRIMARY KEY("subscription_id","cycle_index","product_id"),
	CONSTRAINT "cycle_addons_quantity_range" CHECK ("cycle_addons"."quantity" BETWEEN 1 AND 99)
);
--> statement-breakpoint
CREATE TABLE "cycle_swaps" (
	"subscription_id" uuid NOT NULL,
	"cycle_index" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cycle_swaps_pk" PRIMARY KEY("subscription_id","cycle_index")
);
--> statement-breakpoint
CREATE TABLE "product_swaps" (
	"from_product_id" uuid NOT NULL,
	"to_product_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "product_swaps_pk" PRIMARY KEY("from_product_id","to_product_id"),
	CONSTRAINT "product_swaps_not_self" CHECK ("product_swaps"."from_product_id" <> "product_swaps"."to_product_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_addons" ADD CONSTRAINT "cycle_addons_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_addons" ADD CONSTRAINT "cycle_addons_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_swaps" ADD CONSTRAINT "cycle_swaps_subscription_id_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."subscriptions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_swaps" ADD CONSTRAINT "cycle_swaps_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_swaps" ADD CONSTRAINT "product_swaps_from_product_id_products_id_fk" FOREIGN KEY ("from_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_swaps" ADD CONSTRAINT "product_swaps_to_product_id_products_id_fk" FOREIGN KEY ("to_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;