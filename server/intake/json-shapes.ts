import type { IntakeIssue, StoredCanonical } from "./intake-status";

/** A document fetched from a store's API for a thin webhook: what was asked, and what came back. */
export type FetchedDocument = { path: string; status: number; body: unknown };
export type RefundLine = { sku: string; quantity: number; amountMinor: number };

// Types the intake jsonb columns (db/schema/intake.ts) without db/ importing server/.
declare module "@/db/vocabulary/json-shapes" {
  interface JsonShapes {
    intakeIssues: IntakeIssue[];
    intakeCanonical: StoredCanonical;
    intakeFetched: FetchedDocument[];
    intakeRefundLines: RefundLine[];
  }
}
