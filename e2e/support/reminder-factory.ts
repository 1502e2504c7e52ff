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

/**
 * Fires the executor's crons (send-reminders among them) instead of waiting up to five minutes:
 * a tick for some earlier five-minute mark, which every `*\/5` schedule matches. The functions
 * read the real clock, so which mark is irrelevant; a fresh one is picked because the executor
 * fires each minute once.
 */
export async function tickCrons(): Promise<void> {
  const mark = Math.floor(Date.now() / 300_000 - 1 - Math.random() * 100_000) * 300_000;
  const res = await fetch(`${e2eEnv().executorUrl}/cron/tick?at=${new Date(mark).toISOString()}`, { method: "POST" });
  if (!res.ok) throw new Error(`cron tick refused: ${res.status}`);
}

/**
 * The text of the first email in the e2e mailbox that mentions `needle` (polls: sending is
 * async). `since` and `to` narrow it to mail received after a moment, for one address (files
 * are named `<received ms>-<sequence>-<to>.eml`).
 */
export async function waitForEmail(needle: string, opts: { since?: number; to?: string; timeoutMs?: number } = {}): Promise<string> {
  const dir = `.data/mail-e2e-${Number(process.env.E2E_PORT ?? 3100)}`;
  // Files are `<received ms>-<sequence>-<to>.eml` (scripts/lib/mailbox.ts).
  const wanted = (file: string) => {
    const [, ms, to] = /^(\d+)-\d+-(.+)\.eml$/.exec(file) ?? [];
    return ms !== undefined && (opts.since === undefined || Number(ms) >= opts.since) && (opts.to === undefined || to === opts.to);
  };
  for (const started = Date.now(); Date.now() - started < (opts.timeoutMs ?? 30_000); await new Promise((r) => setTimeout(r, 250))) {
    for (const file of (fs.existsSync(dir) ? fs.readdirSync(dir) : []).filter(wanted)) {
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
