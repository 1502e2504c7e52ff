import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pgArray } from "./pg-array";

/**
 * Flags orders whose lines could not be fully reserved. A separate statement because a
 * statement can't update rows its own CTE inserted; idempotent (never adds the flag twice).
 */
export async function flagBackordered(tx: Transaction, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  await tx.execute(sql`
    UPDATE orders SET flags = array_append(flags, 'backordered')
    WHERE id = ANY(${pgArray(orderIds)}::uuid[]) AND NOT ('backordered' = ANY(flags))`);
}
