import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { programLedger } from "@/db/schema";
import { LEDGER_KINDS } from "@/db/schema/continuity";

export type LedgerKind = (typeof LEDGER_KINDS)[number];

export interface LedgerEntry {
  subscriptionId: string;
  /** Unique per subscription ("charge:3", "credit:5", "refund:cancel"): recording twice is a no-op. */
  key: string;
  kind: LedgerKind;
  shipmentIndex: number | null;
  amountMinor: number;
  reason: string;
}

/** Records entries in the caller's transaction; an entry already recorded (same key) is left alone. */
export async function recordLedger(db: DbOrTx, entries: readonly LedgerEntry[], currency = "USD"): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await db
    .insert(programLedger)
    .values(entries.map((e) => ({ ...e, currency })))
    .onConflictDoNothing({ target: [programLedger.subscriptionId, programLedger.key] })
    .returning({ id: programLedger.id });
  return rows.length;
}

export interface LedgerTotals {
  charged: number;
  refunded: number;
  credited: number;
  writtenOff: number;
}

export async function ledgerTotals(db: DbOrTx, subscriptionId: string): Promise<LedgerTotals> {
  const rows = await db
    .select({ kind: programLedger.kind, total: sql<number>`sum(${programLedger.amountMinor})::bigint` })
    .from(programLedger)
    .where(and(eq(programLedger.subscriptionId, subscriptionId)))
    .groupBy(programLedger.kind);
  const by = new Map(rows.map((r) => [r.kind, Number(r.total)]));
  return { charged: by.get("charge") ?? 0, refunded: by.get("refund") ?? 0, credited: by.get("credit") ?? 0, writtenOff: by.get("write_off") ?? 0 };
}

export async function listLedger(db: DbOrTx, subscriptionId: string) {
  return db.select().from(programLedger).where(eq(programLedger.subscriptionId, subscriptionId)).orderBy(programLedger.createdAt);
}
