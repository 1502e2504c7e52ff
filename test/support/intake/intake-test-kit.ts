import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiTokens, intakePayloads, inventory, orderLines, orders, products, users } from "@/db/schema";
import { POST as intakePost } from "@/app/api/intake/[channel]/route";
import { inngest } from "@/inngest/client";
import { createProcessIntake } from "@/inngest/functions/process-intake";
import { startHarness, type Harness } from "@/tools/inngest-local/harness";
import { hashToken } from "@/server/auth/actor";
import type { Role } from "@/db/vocabulary/roles";
import type { Channel } from "@/server/intake/adapters/canonical-order";
import { signFor } from "./sign-for";

/** The dev defaults in server/env.ts: what a channel configured against a dev app signs with. */
export const DEV_SECRETS: Record<Channel, string> = {
  shopify: "dev-shopify-secret",
  woocommerce: "dev-woocommerce-secret",
  bigcommerce: "dev-bigcommerce-secret",
  api: "dev-api-secret",
  amazon: "",
};

/** Posts a body through the real route handler, signed as the channel would sign it. */
export async function postIntake(
  channel: string,
  body: string,
  opts: { headers?: Record<string, string>; secret?: string; unsigned?: boolean } = {},
) {
  const signed = opts.unsigned
    ? { "Content-Type": "application/json" }
    : signFor(channel as Channel, body, opts.secret ?? DEV_SECRETS[channel as Channel]);
  const req = new Request(`http://localhost/api/intake/${channel}`, { method: "POST", body, headers: { ...signed, ...opts.headers } });
  const res = await intakePost(req, { params: Promise.resolve({ channel }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { payloadId: string; orderId?: string } };
}

/** Products the fixtures name (plus targets for aliases), with stock. */
export const CATALOG = [
  { sku: "FLT-CART-3PK", name: "Water filter cartridge, 3 pack" },
  { sku: "BEAN-ESP-1KG", name: "Espresso beans, 1 kg" },
  { sku: "DIG-ROAST-GUIDE", name: "Home roasting guide (digital)" },
  { sku: "WOO-HOODIE", name: "Woo hoodie" },
  { sku: "Bar3", name: "Woo bar" },
  { sku: "COF-HOUSE-500", name: "House blend, 500 g" },
  { sku: "CB-FILTER-50", name: "Cone filters, 50" },
  { sku: "BEAN-ETH-1LB", name: "Ethiopian beans, 1 lb" },
  { sku: "RETIRED-1", name: "Retired product", sellable: false },
] as const;

export async function seedCatalog(db: DbOrTx) {
  for (const p of CATALOG) {
    const [row] = await db
      .insert(products)
      .values({ sku: p.sku, name: p.name, priceMinor: 1000, sellable: "sellable" in p ? p.sellable : true })
      .returning();
    await db.insert(inventory).values({ productId: row!.id, onHand: 100 });
  }
}

export async function resetIntake(db: DbOrTx) {
  await db.execute(sql`TRUNCATE intake_payloads, intake_sku_aliases, intake_channel_settings, customers, products, inventory,
    orders, order_lines, audit_log, users, api_tokens RESTART IDENTITY CASCADE`);
}

export async function payloadRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(intakePayloads).where(eq(intakePayloads.id, id));
  return row!;
}

export async function orderWithLines(db: DbOrTx, id: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, id)).orderBy(orderLines.sku);
  return { order: order!, lines };
}

export const countOrders = async (db: DbOrTx) => Number((await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders`))[0]!.n);

/** A user with an API token, so the admin route handlers can be called with `Authorization: Bearer`. */
export async function makeStaffToken(db: DbOrTx, role: Role = "admin") {
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${randomBytes(4).toString("hex")}@replen.test`, role })
    .returning();
  const token = randomBytes(24).toString("hex");
  await db.insert(apiTokens).values({ userId: user!.id, name: "test", tokenHash: hashToken(token) });
  return { token, userId: user!.id };
}

/**
 * A local Inngest executor serving the real process-intake function, with the app's client
 * pointed at it: the route's sends (intake/received, order/created) land there for real.
 */
export async function startIntakeInngest(): Promise<Harness> {
  const harness = await startHarness("replen-intake-test", (client) => [createProcessIntake(client)], { backoffBaseMs: 20 });
  const sync = await harness.executor.sync();
  if (!sync.ok) throw new Error(`harness sync failed: ${JSON.stringify(sync.rejections)}`);
  inngest.setEnvVars({ INNGEST_DEV: "1", INNGEST_BASE_URL: harness.executor.url });
  return harness;
}
