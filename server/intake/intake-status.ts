import type { IntakeAction, IntakeStatus } from "@/db/vocabulary/intake";
import type { CanonicalOrder } from "./adapters/canonical-order";

/**
 * Lifecycle of a stored intake payload (docs/intake-governance.md has the transition table).
 * Shared by the pgEnum, the API schemas and the admin UI.
 *
 *   received ─┬─> accepted        order created / advanced / cancelled
 *             ├─> duplicate       same (channel, external id) already handled: original result returned
 *             ├─> ignored         test order, already-cancelled new order, WooCommerce ping
 *             ├─> rejected        bad signature, status moving back, cancel after shipping (terminal)
 *             └─> dead_lettered ──> received (replay) ; ──> superseded (a newer copy dead-lettered)
 *
 * "Processing" is not persisted: a payload is processed inside one transaction that holds its
 * row lock, so a crash rolls it back to `received` and the retry/sweeper picks it up again.
 */
// The status and action arrays live with their pgEnums in db/vocabulary (db/ never imports
// server/); re-exported so the domain, its zod schemas and the UI share the one array.
export { INTAKE_ACTIONS, INTAKE_SOURCES, INTAKE_STATUSES, type IntakeAction, type IntakeStatus } from "@/db/vocabulary/intake";

/** Statuses a payload never leaves (except dead_lettered, which a replay re-opens). */
export const FINAL_STATUSES: readonly IntakeStatus[] = ["accepted", "duplicate", "ignored", "rejected", "superseded"];

/** Machine-readable reason codes; `reason` on a payload is the first error's code. */
export const INTAKE_REASONS = [
  "bad_signature",
  "body_too_large",
  "malformed_body",
  "missing_field",
  "invalid_field",
  "unknown_sku",
  "sku_not_sellable",
  "unknown_customer",
  "totals_mismatch",
  "subtotal_mismatch",
  "state_regression",
  "already_shipped",
  "test_order",
  "cancelled_before_intake",
  "webhook_ping",
  "processing_failed",
  // Channel connections (issue #14, docs/intake.md "Connected stores"):
  "fetch_failed",
  "stale_delivery",
  "unknown_order",
  "unsupported_topic",
] as const;
export type IntakeReason = (typeof INTAKE_REASONS)[number];

export type IntakeIssue = { path: string; message: string; code: IntakeReason };

/** The canonical order as stored on the payload (after SKU aliases), plus what the aliases did. */
export type StoredCanonical = CanonicalOrder & { aliases?: Array<{ line: number; from: string; to: string }> };

/** What the route answers and what a replay of the same order returns. */
export type IntakeResult = {
  payloadId: string;
  status: IntakeStatus;
  orderId?: string;
  action?: IntakeAction;
  reason?: string;
  errors?: IntakeIssue[];
  /** Set when this request was a replay: the payload stored for it (its result is the original's). */
  duplicatePayloadId?: string;
};
