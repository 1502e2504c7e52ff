import "server-only";
import { and, asc, eq, ne, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { intakePayloads, orders } from "@/db/schema";
import { notFound } from "../errors/app-error";

/**
 * One payload with everything an admin needs to fix it: the raw body (as text — big ids
 * intact), the correction if any, errors with paths, the canonical order, the order it led to,
 * and the other payloads about the same order (redeliveries, superseded copies).
 */
export async function getPayloadDetail(db: DbOrTx, id: string) {
  const [payload] = await db.select().from(intakePayloads).where(eq(intakePayloads.id, id));
  if (!payload) throw notFound("Intake payload");
  const [order] = payload.orderId
    ? await db.select({ id: orders.id, number: orders.number, state: orders.state }).from(orders).where(eq(orders.id, payload.orderId))
    : [];
  const related = await db
    .select({
      id: intakePayloads.id,
      status: intakePayloads.status,
      reason: intakePayloads.reason,
      receivedAt: intakePayloads.receivedAt,
      orderId: intakePayloads.orderId,
    })
    .from(intakePayloads)
    .where(
      and(
        eq(intakePayloads.channel, payload.channel),
        ne(intakePayloads.id, payload.id),
        payload.externalId
          ? or(
              eq(intakePayloads.externalId, payload.externalId),
              eq(intakePayloads.duplicateOf, payload.id),
              eq(intakePayloads.supersededBy, payload.id),
            )
          : eq(intakePayloads.bodySha256, payload.bodySha256),
      ),
    )
    .orderBy(asc(intakePayloads.receivedAt))
    .limit(50);
  return { payload, order: order ?? null, related };
}
