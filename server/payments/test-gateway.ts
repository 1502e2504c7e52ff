import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { testGatewayOperations } from "@/db/schema";
import type { AuthorizeRequest, GatewayOutcome, PaymentGateway, RefRequest } from "./gateway";
import { TEST_CARDS, TRANSIENT_FAILURES } from "./test-cards";

type Op = typeof testGatewayOperations.$inferInsert;

/** Declines that no retry can fix. */
const PERMANENT = new Set(["invalid_card", "no_such_authorization"]);

function toOutcome(row: { outcome: string; code: string | null; ref: string | null }): GatewayOutcome {
  if (row.outcome === "approved") return { status: "approved", ref: row.ref ?? "" };
  if (row.outcome === "declined") {
    const code = row.code ?? "card_declined";
    return { status: "declined", code, retryable: !PERMANENT.has(code) };
  }
  return { status: "error", code: row.code ?? "processing_error" };
}

/**
 * A payment gateway that runs inside Replen, for development, CI and demos (TEST_CARDS).
 * Its ledger lives in Postgres: a repeated idempotency key replays the recorded outcome, and
 * transient-failure counts survive retries in other processes — like a real gateway.
 */
export function createTestGateway(db: Database): PaymentGateway {
  const record = async (op: Op): Promise<GatewayOutcome> => {
    const [row] = await db.insert(testGatewayOperations).values(op).onConflictDoNothing().returning();
    if (row) return toOutcome(row);
    // Someone used this key first: replay their result, as a real gateway would.
    const [prior] = await db.select().from(testGatewayOperations).where(eq(testGatewayOperations.idempotencyKey, op.idempotencyKey));
    if (!prior) throw new Error("test gateway: idempotency key conflict without a row");
    return toOutcome(prior);
  };
  const authorizedCard = async (ref: string) => {
    const [auth] = await db
      .select({ card: testGatewayOperations.card })
      .from(testGatewayOperations)
      .where(and(eq(testGatewayOperations.ref, ref), eq(testGatewayOperations.kind, "authorize")));
    return auth?.card ?? null;
  };
  // No lookup of the key first: record() inserts, and on a repeated key replays the first
  // outcome instead — one statement per call in the common case.
  const refOp = async (kind: "capture" | "void" | "refund", req: RefRequest): Promise<GatewayOutcome> => {
    const card = await authorizedCard(req.ref);
    const base = { idempotencyKey: req.idempotencyKey, kind, orderId: req.orderId, card, amountMinor: req.amountMinor };
    if (!card) return record({ ...base, outcome: "declined", code: "no_such_authorization" });
    if (kind === "capture" && card === TEST_CARDS.captureDecline) return record({ ...base, outcome: "declined", code: "capture_declined" });
    return record({ ...base, outcome: "approved", ref: req.ref });
  };

  return {
    name: "test",
    async authorize(req: AuthorizeRequest) {
      const card = req.paymentMethod.token.replace(/\s+/g, "");
      const base = {
        idempotencyKey: req.idempotencyKey,
        kind: "authorize",
        orderId: req.orderId,
        card,
        amountMinor: req.amountMinor,
        currency: req.currency,
      };
      if (!/^\d{16}$/.test(card)) return record({ ...base, outcome: "declined", code: "invalid_card" });
      if (card === TEST_CARDS.decline) return record({ ...base, outcome: "declined", code: "card_declined" });
      if (card === TEST_CARDS.alwaysError) return record({ ...base, outcome: "error", code: "processing_error" });
      if (card === TEST_CARDS.transientTwice) {
        const [{ failures } = { failures: 0 }] = await db
          .select({ failures: sql<number>`count(*)::int` })
          .from(testGatewayOperations)
          .where(
            and(
              eq(testGatewayOperations.orderId, req.orderId),
              eq(testGatewayOperations.kind, "authorize"),
              eq(testGatewayOperations.outcome, "error"),
            ),
          );
        if (failures < TRANSIENT_FAILURES) return record({ ...base, outcome: "error", code: "processing_error" });
      }
      return record({ ...base, outcome: "approved", ref: `tg_${randomUUID().replaceAll("-", "")}` });
    },
    capture: (req) => refOp("capture", req),
    void: (req) => refOp("void", req),
    refund: (req) => refOp("refund", req),
  };
}
