import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import type { IntakeResult } from "../intake-status";
import { bigCommerceClient } from "./bigcommerce-client";
import { ChannelHttpError } from "./channel-http";
import { type ConnectionRow, storeContextOf } from "./load-connection";
import type { StoreContext } from "./store-client";
import { parseThinBigCommerce } from "./webhook-meta";

/**
 * A stored thin BigCommerce webhook → GET the order, its products and shipping addresses (with
 * retries; no transaction is open) → keep the documents and the assembled body on the payload
 * (one guarded UPDATE, only while it is `received`). The store answering 4xx/5xx (after retries)
 * dead-letters the payload with the HTTP reason. Returns null when the payload can now be processed.
 */
export async function fetchThinWebhook(
  db: Database,
  connection: ConnectionRow,
  payloadId: string,
  bodyText: string,
  now: Date,
): Promise<IntakeResult | null> {
  const thin = parseThinBigCommerce(bodyText);
  if (!thin) return null; // not thin: processed as posted
  let update: Partial<typeof intakePayloads.$inferInsert>;
  let result: IntakeResult | null = null;
  try {
    const fetched = await bigCommerceClient(storeContextOf(db, connection, now) as StoreContext<"bigcommerce">).fetchOrder(thin.orderId);
    update = { fetched: fetched.documents, fetchedBody: fetched.body };
  } catch (e) {
    if (!(e instanceof ChannelHttpError)) throw e;
    const errors = [{ path: "", code: "fetch_failed" as const, message: e.reason }];
    update = { status: "dead_lettered", reason: "fetch_failed", errors, processedAt: now, externalId: `${connection.slug}:${thin.orderId}` };
    result = { payloadId, status: "dead_lettered", reason: "fetch_failed", errors };
  }
  await db
    .update(intakePayloads)
    .set(update)
    .where(and(eq(intakePayloads.id, payloadId), eq(intakePayloads.status, "received")));
  return result;
}
