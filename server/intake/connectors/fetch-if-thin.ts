import "server-only";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { intakePayloads } from "@/db/schema";
import type { IntakeResult } from "../intake-status";
import { fetchThinWebhook } from "./fetch-thin-webhook";
import { loadConnectionOrThrow } from "./load-connection";

/**
 * Before processing: a `received` BigCommerce payload of a connected store whose order was not
 * fetched yet gets fetched now — on arrival, on an Inngest retry and on a replay of a
 * fetch_failed dead letter alike. Returns the dead-letter result when the store's API failed.
 */
export async function fetchIfThin(db: Database, payloadId: string, now: Date): Promise<IntakeResult | null> {
  const [row] = await db
    .select({ connectionId: intakePayloads.connectionId, rawBody: intakePayloads.rawBody, correctedBody: intakePayloads.correctedBody })
    .from(intakePayloads)
    .where(
      and(
        eq(intakePayloads.id, payloadId),
        eq(intakePayloads.status, "received"),
        eq(intakePayloads.channel, "bigcommerce"),
        isNotNull(intakePayloads.connectionId),
        isNull(intakePayloads.fetchedBody),
      ),
    );
  if (!row?.connectionId || row.correctedBody !== null) return null;
  const connection = await loadConnectionOrThrow(db, row.connectionId);
  return fetchThinWebhook(db, connection, payloadId, row.rawBody, now);
}
