import fs from "node:fs";
import postgres from "postgres";

/**
 * Test orders for specs: inserted straight into the e2e database (never a shared one: the
 * e2e server creates a fresh local database per run and writes its URL to
 * .data/e2e-env-<port>.json), then announced to the local Inngest executor with
 * `order/created`, exactly as generation and intake do after their commits.
 */
export type E2eEnv = { databaseUrl: string; executorUrl: string };

export function e2eEnv(): E2eEnv {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const file = `.data/e2e-env-${port}.json`;
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: is the e2e server (scripts/e2e-server.ts) running on ${port}?`);
  const env = JSON.parse(fs.readFileSync(file, "utf8")) as E2eEnv;
  const host = new URL(env.databaseUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`refusing a non-local database (${host})`);
  return env;
}

export type CreatedOrder = { id: string; number: number; totalMinor: number };

/** One order for the demo customer: `quantity` × the product `sku`, shipped to their (valid) default address. */
export async function createOrder(opts: { sku: string; quantity: number; customerEmail?: string }): Promise<CreatedOrder> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin(async (tx) => {
      const [customer] = await tx<Array<{ id: string }>>`SELECT id FROM customers WHERE email = ${opts.customerEmail ?? "customer@replen.dev"}`;
      const [product] = await tx<
        Array<{ id: string; name: string; price_minor: number }>
      >`SELECT id, name, price_minor FROM products WHERE sku = ${opts.sku}`;
      const [address] = await tx<Array<Record<string, unknown>>>`
        SELECT name, line1, city, region, postal_code AS "postalCode", country, valid FROM addresses
        WHERE customer_id = ${customer!.id} ORDER BY is_default DESC LIMIT 1`;
      if (!customer || !product) throw new Error(`unknown customer or product ${opts.sku}`);
      const total = Number(product.price_minor) * opts.quantity;
      const [order] = await tx<Array<{ id: string; number: number }>>`
        INSERT INTO orders (customer_id, kind, channel, currency, subtotal_minor, total_minor, shipping_address)
        VALUES (${customer.id}, 'one_off', 'e2e', 'USD', ${total}, ${total}, ${tx.json((address ?? null) as never)})
        RETURNING id, number`;
      await tx`
        INSERT INTO order_lines (order_id, product_id, sku, name, quantity, unit_price_minor)
        VALUES (${order!.id}, ${product.id}, ${opts.sku}, ${product.name}, ${opts.quantity}, ${product.price_minor})`;
      return { id: order!.id, number: order!.number, totalMinor: total };
    });
  } finally {
    await sql.end();
  }
}

/** Sends an event to the local executor's Event API (what inngest.send does in dev). */
export async function sendEvent(name: string, data: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${e2eEnv().executorUrl}/e/local`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify([{ name, data }]),
  });
  if (!res.ok) throw new Error(`event ${name} refused: ${res.status} ${await res.text()}`);
}

/** The order's current workflow state, read from the database (the source of truth). */
export async function orderState(orderId: string): Promise<string> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<Array<{ state: string }>>`SELECT state FROM orders WHERE id = ${orderId}`;
    return row?.state ?? "(missing)";
  } finally {
    await sql.end();
  }
}
