import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { channelConnections, intakePayloads } from "@/db/schema";
import type { ReconcileResult } from "../channel-connections.schema";
import { scheduleIntakeRetry } from "../emit-intake-events";
import { processPayload } from "../process-payload";
import { sha256Hex, storePayload } from "../store-payload";
import { ChannelHttpError } from "./channel-http";
import { storeContextOf } from "./load-connection";
import { storeClientFor } from "./store-client-for";

/** Orders changed slightly before the watermark are asked for again: store clocks and commits lag. */
const OVERLAP_MS = 5 * 60_000;
/** A store never reconciled looks back this far on its first run. */
const FIRST_LOOKBACK_MS = 24 * 3_600_000;
/** A claim older than this belongs to a run that died; the next run may take the store. */
const CLAIM_EXPIRES_MS = 30 * 60_000;

/**
 * One reconciliation run for one store (docs/intake.md, "Reconciliation"):
 * claim the store (guarded UPDATE, so two runs never overlap) → pull every order changed since
 * the watermark from the store's API (HTTP, no transaction open) → feed each through the SAME
 * intake path as a webhook (store the payload, processPayload) → move the watermark and release.
 * Exactly once: the order's unique (channel, external id) makes a second copy a duplicate, and
 * a body already stored for the store is not stored again. Null when another run holds the store.
 */
export async function reconcileConnection(db: Database, connectionId: string, opts: { now: Date }): Promise<ReconcileResult | null> {
  const { now } = opts;
  const [claimed] = await db
    .update(channelConnections)
    .set({ reconcileClaimedAt: now })
    .where(
      and(
        eq(channelConnections.id, connectionId),
        eq(channelConnections.enabled, true),
        or(isNull(channelConnections.reconcileClaimedAt), lt(channelConnections.reconcileClaimedAt, new Date(now.getTime() - CLAIM_EXPIRES_MS))),
      ),
    )
    .returning();
  if (!claimed) return null;
  const release = and(eq(channelConnections.id, connectionId), eq(channelConnections.reconcileClaimedAt, now));

  const since = new Date((claimed.watermark?.getTime() ?? now.getTime() - FIRST_LOOKBACK_MS) - OVERLAP_MS);
  const result: ReconcileResult = {
    connectionId,
    fetched: 0,
    stored: 0,
    missed: 0,
    waiting: 0,
    watermark: claimed.watermark?.toISOString() ?? null,
    error: null,
  };
  let orders;
  try {
    orders = await storeClientFor(storeContextOf(db, claimed, now)).listChangedSince(since, now);
  } catch (e) {
    const reason = e instanceof ChannelHttpError ? e.reason : e instanceof Error && e.name === "AppError" ? e.message : "reconciliation failed";
    await db
      .update(channelConnections)
      .set({
        reconcileClaimedAt: null,
        lastReconcileError: reason,
        reconcileFailures: sql`${channelConnections.reconcileFailures} + 1`,
        lastReconciledAt: now,
      })
      .where(release);
    if (!(e instanceof ChannelHttpError)) console.error("[reconcile] store client failed", connectionId, e instanceof Error ? e.name : "");
    return { ...result, error: reason };
  }

  result.fetched = orders.length;
  for (const order of orders) {
    if (!order.ready) {
      result.waiting++;
      continue;
    }
    const body = new TextEncoder().encode(order.body);
    const [known] = await db
      .select({ id: intakePayloads.id })
      .from(intakePayloads)
      .where(
        and(
          eq(intakePayloads.connectionId, connectionId),
          eq(intakePayloads.channel, claimed.channel),
          eq(intakePayloads.bodySha256, sha256Hex(body)),
        ),
      )
      .limit(1);
    if (known) continue;
    const stored = await storePayload(db, {
      channel: claimed.channel,
      body,
      headers: new Headers({ "x-replen-source": "reconciliation" }),
      signatureValid: true, // fetched by Replen itself with the store's credentials
      connectionId,
      source: "reconciliation",
      fetched: order.documents.length > 0 ? order.documents : null,
      now,
    });
    result.stored++;
    try {
      const outcome = await processPayload(db, stored.id, { now });
      if (outcome.status === "accepted" && outcome.action === "created") result.missed++;
    } catch {
      await scheduleIntakeRetry(stored.id, 1); // stored and safe; the sweeper also finds it
    }
  }
  await db
    .update(channelConnections)
    .set({ watermark: now, lastReconciledAt: now, reconcileClaimedAt: null, lastReconcileError: null, reconcileFailures: 0 })
    .where(release);
  return { ...result, watermark: now.toISOString() };
}
