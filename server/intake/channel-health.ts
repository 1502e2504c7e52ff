import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { StoreHealth, StoreHealthStatus } from "./channel-health.schema";

export type HealthThresholds = { quietAfterMinutes: number };

/**
 * Channel health per connected store, for the intake page, the dashboard and the alerts:
 * last webhook delivery and lag, recent failures, and orders reconciliation had to create
 * because no webhook delivered them — the sign that a channel disabled its webhook (Shopify
 * deletes a subscription after 8 failed retries, WooCommerce disables one after 5).
 * Status, worst first: missing_webhooks, failing (reconciliation errors or 24 h failures), quiet
 * (no delivery for quietAfterMinutes; not for Amazon, which has no webhooks), ok.
 */
export async function channelHealth(db: DbOrTx, opts: { now: Date } & HealthThresholds): Promise<StoreHealth[]> {
  const now = opts.now.toISOString();
  const rows = await db.execute<{
    id: string;
    channel: string;
    slug: string;
    name: string;
    created_at: string;
    last_delivery: string | null;
    failures: number;
    missed: number;
    last_reconciled_at: string | null;
    last_reconcile_error: string | null;
  }>(sql`
    SELECT c.id, c.channel, c.slug, c.name, c.created_at, c.last_reconciled_at, c.last_reconcile_error,
      (SELECT max(p.received_at) FROM intake_payloads p WHERE p.connection_id = c.id AND p.source = 'webhook') AS last_delivery,
      (SELECT count(*)::int FROM intake_payloads p WHERE p.connection_id = c.id AND p.status IN ('dead_lettered', 'rejected')
         AND p.received_at > ${now}::timestamptz - interval '24 hours') AS failures,
      (SELECT count(*)::int FROM intake_payloads p WHERE p.connection_id = c.id AND p.source = 'reconciliation'
         AND p.status = 'accepted' AND p.action = 'created' AND p.received_at > ${now}::timestamptz - interval '7 days') AS missed
    FROM channel_connections c
    WHERE c.enabled
    ORDER BY c.channel, c.slug`);
  return rows.map((r) => {
    const lastDelivery = r.last_delivery ? new Date(r.last_delivery) : null;
    const lagSeconds = lastDelivery ? Math.max(0, Math.round((opts.now.getTime() - lastDelivery.getTime()) / 1000)) : null;
    const { status, detail } = judge(r.channel, {
      lagSeconds,
      sinceCreatedSeconds: (opts.now.getTime() - new Date(r.created_at).getTime()) / 1000,
      failures: Number(r.failures),
      missed: Number(r.missed),
      reconcileError: r.last_reconcile_error,
      quietAfterSeconds: opts.quietAfterMinutes * 60,
    });
    return {
      connectionId: r.id,
      channel: r.channel,
      slug: r.slug,
      name: r.name,
      status,
      detail,
      lastDeliveryAt: lastDelivery?.toISOString() ?? null,
      lagSeconds,
      failures24h: Number(r.failures),
      missed7d: Number(r.missed),
      lastReconciledAt: r.last_reconciled_at ? new Date(r.last_reconciled_at).toISOString() : null,
      lastReconcileError: r.last_reconcile_error,
    };
  });
}

type Facts = {
  lagSeconds: number | null;
  sinceCreatedSeconds: number;
  failures: number;
  missed: number;
  reconcileError: string | null;
  quietAfterSeconds: number;
};

/** Pure: the status of one store from its facts (worst first). */
export function judge(channel: string, f: Facts): { status: StoreHealthStatus; detail: string | null } {
  if (f.missed > 0)
    return {
      status: "missing_webhooks",
      detail: `Reconciliation found ${f.missed} order(s) no webhook delivered in 7 days: check the store's webhook subscription`,
    };
  if (f.reconcileError) return { status: "failing", detail: `Reconciliation failed: ${f.reconcileError}` };
  if (f.failures > 0) return { status: "failing", detail: `${f.failures} payload(s) dead-lettered or rejected in 24 hours` };
  if (channel !== "amazon") {
    const silent = f.lagSeconds ?? f.sinceCreatedSeconds;
    if (silent > f.quietAfterSeconds) return { status: "quiet", detail: `No webhook delivery for ${Math.round(silent / 60)} minutes` };
  }
  return { status: "ok", detail: null };
}
