import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { pgArray } from "@/server/lib/pg-array";

/**
 * Counts down accepted save-offer discounts: each subscription in `ids` had one discounted order
 * created in this transaction (generation passes only orders actually inserted, so a replayed
 * cycle counts nothing). One statement for the batch; the last use clears the percentage
 * (subscriptions_discount_coherent). Returns how many rows counted down.
 */
export async function consumeDiscounts(tx: Transaction, ids: readonly string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const [row] = await tx.execute<{ n: number }>(sql`
    WITH used AS (
      UPDATE subscriptions
      SET discount_orders_left = discount_orders_left - 1,
          discount_percent = CASE WHEN discount_orders_left = 1 THEN NULL ELSE discount_percent END,
          updated_at = ${now.toISOString()}::timestamptz
      WHERE id = ANY(${pgArray(ids)}::uuid[]) AND discount_orders_left > 0
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM used`);
  return row?.n ?? 0;
}
