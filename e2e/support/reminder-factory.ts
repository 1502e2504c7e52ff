import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { e2eEnv } from "./order-factory";

/**
 * A daily subscription of the demo customer whose next delivery is `inHours` away (inside the
 * reminder lead time), for a product of its own so its reminder email is easy to find. Inserted
 * straight into the e2e database, as the subscription lifecycle would leave it.
 */
export async function dueSoonSubscription(opts: { productName: string; inHours: number }): Promise<{ subscriptionId: string }> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  const due = new Date(Math.ceil((Date.now() + opts.inHours * 3_600_000) / 60_000) * 60_000);
  const iso = due.toISOString();
  try {
    return await sql.begin(async (tx) => {
      const [customer] = await tx<Array<{ id: string }>>`SELECT id FROM customers WHERE email = 'customer@replen.dev'`;
      const [product] = await tx<Array<{ id: string }>>`
        INSERT INTO products (sku, name, price_minor) VALUES (${`E2E-${Date.now()}`}, ${opts.productName}, 1500) RETURNING id`;
      await tx`INSERT INTO inventory (product_id, on_hand) VALUES (${product!.id}, 100)`;
      const [sub] = await tx<Array<{ id: string }>>`
        INSERT INTO subscriptions (customer_id, product_id, quantity, frequency, anchor_date, local_time, time_zone, next_run_at)
        VALUES (${customer!.id}, ${product!.id}, 1, 'daily', ${iso.slice(0, 10)}, ${iso.slice(11, 16)}, 'UTC', ${iso})
        RETURNING id`;
      return { subscriptionId: sub!.id };
    });
  } finally {
    await sql.end();
  }
}

/** Fires the executor's crons now (send-reminders among them) instead of waiting five minutes. */
export async function tickCrons(): Promise<void> {
  const res = await fetch(`${e2eEnv().executorUrl}/cron/tick`, { method: "POST" });
  if (!res.ok) throw new Error(`cron tick refused: ${res.status}`);
}

/** The text of the first email in the e2e mailbox whose subject mentions `needle` (polls: sending is async). */
export async function waitForEmail(needle: string, timeoutMs = 30_000): Promise<string> {
  const dir = `.data/mail-e2e-${Number(process.env.E2E_PORT ?? 3100)}`;
  for (const started = Date.now(); Date.now() - started < timeoutMs; await new Promise((r) => setTimeout(r, 250))) {
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      const text = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      if (text.includes(needle)) return text;
    }
  }
  throw new Error(`no email mentioning "${needle}" in ${dir}`);
}

export function linkIn(email: string, action: "skip" | "delay_week" | "order_now"): string {
  const match = new RegExp(`https?://[^\\s"<]+/email-actions/v1\\.[0-9a-f-]{36}\\.${action}\\.\\d+\\.[\\w-]{43}`).exec(email);
  if (!match) throw new Error(`no ${action} link in the email`);
  return match[0];
}
