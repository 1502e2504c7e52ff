import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";

/**
 * Serialises work on one key for the rest of the transaction (released at COMMIT/ROLLBACK).
 * Used around gateway and stock calls so two deliveries of the same state never authorize
 * or reserve twice for one order.
 */
export async function lockKey(tx: Transaction, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
