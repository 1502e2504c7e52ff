import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { payments, testGatewayOperations } from "@/db/schema";
import { makeOrder } from "@/test/support/workflows/order-factory";
import type { PaymentGateway } from "./gateway";
import { authorizeOrderPayment, captureOrderPayment, releaseOrderPayment } from "./order-payment";
import { createTestGateway } from "./test-gateway";
import { TEST_CARDS } from "./test-cards";

const now = new Date("2027-03-01T10:00:00Z");
const approvedAuths = (orderId: string) =>
  getDb()
    .select()
    .from(testGatewayOperations)
    .where(
      and(eq(testGatewayOperations.orderId, orderId), eq(testGatewayOperations.kind, "authorize"), eq(testGatewayOperations.outcome, "approved")),
    );
const paymentOf = async (orderId: string) => (await getDb().select().from(payments).where(eq(payments.orderId, orderId)))[0];

/** A gateway whose calls can be held open, to look at the database while one is in flight. */
function heldGateway(inner: PaymentGateway) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const gateway: PaymentGateway = {
    ...inner,
    authorize: async (req) => {
      entered();
      await held;
      return inner.authorize(req);
    },
  };
  return { gateway, release, inside };
}

describe("order payments: claim → call → record", () => {
  it("commits the intent before the gateway call and holds no transaction during it", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const { gateway, release, inside } = heldGateway(createTestGateway(db));
    const pending = authorizeOrderPayment(db, gateway, { orderId: order.id, idempotencyKey: "k-1", now });
    await inside;
    // Another connection sees the claim: it is committed, not waiting in an open transaction.
    expect(await paymentOf(order.id)).toMatchObject({ status: "authorizing", pendingKey: "k-1", ref: null });
    const [open] = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    expect(open?.n ?? 0).toBe(0);
    release();
    const result = await pending;
    expect(result).toMatchObject({ ok: true, reused: false });
    expect(await paymentOf(order.id)).toMatchObject({ status: "authorized", pendingKey: null, ref: result.ok ? result.ref : "" });
  });

  it("a try whose answer was lost is replayed by the next try, never authorized twice", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const gw = createTestGateway(db);
    // The first try claimed and the gateway approved, then the process died before recording.
    await db
      .insert(payments)
      .values({ orderId: order.id, gateway: "test", status: "authorizing", amountMinor: order.totalMinor, currency: "USD", pendingKey: "lost-1" });
    await gw.authorize({
      orderId: order.id,
      amountMinor: order.totalMinor,
      currency: "USD",
      paymentMethod: { token: TEST_CARDS.approve },
      idempotencyKey: "lost-1",
    });
    const retry = await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "lost-2", now });
    expect(retry).toMatchObject({ ok: true, reused: true });
    expect(await approvedAuths(order.id)).toHaveLength(1);
    expect(await paymentOf(order.id)).toMatchObject({ status: "authorized", pendingKey: null });
  });

  it("while a try is in flight another key finds the claim leased (retry later); the same key joins it; one hold results", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const gw = createTestGateway(db);
    const held = heldGateway(gw);
    const first = authorizeOrderPayment(db, held.gateway, { orderId: order.id, idempotencyKey: "c-1", now });
    await held.inside;
    expect(await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "c-2", now })).toMatchObject({
      ok: false,
      code: "payment_busy:authorizing",
      retryable: true,
    });
    // A duplicate delivery of the same try (same key) may claim again and gets the same hold.
    const duplicate = await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "c-1", now });
    held.release();
    const original = await first;
    expect(duplicate.ok && original.ok && duplicate.ref === original.ref).toBe(true);
    expect(await approvedAuths(order.id)).toHaveLength(1);
    expect(await paymentOf(order.id)).toMatchObject({ status: "authorized", ref: original.ok ? original.ref : "", pendingKey: null });
    // Once it is done, any later try reuses it.
    expect(await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "c-3", now })).toMatchObject({ ok: true, reused: true });
  });

  it("an unanswered call (gateway error) releases the lease: the next try replays its key, then tries its own", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { card: TEST_CARDS.transientTwice });
    const gw = createTestGateway(db);
    const tries = [];
    for (const key of ["t-1", "t-2", "t-3"]) tries.push(await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: key, now }));
    expect(tries.map((t) => t.ok)).toEqual([false, false, true]);
    expect(tries[0]).toMatchObject({ transient: true, retryable: true });
    expect(await approvedAuths(order.id)).toHaveLength(1);
  });

  it("a decline records failed and a later try may authorize; capture and release follow the same rule", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { card: TEST_CARDS.decline });
    const gw = createTestGateway(db);
    expect(await authorizeOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "d-1", now })).toMatchObject({
      ok: false,
      code: "card_declined",
    });
    expect(await paymentOf(order.id)).toMatchObject({ status: "failed", pendingKey: null });
    expect(await captureOrderPayment(db, gw, { orderId: order.id, idempotencyKey: "d-cap", now })).toMatchObject({
      ok: false,
      code: "not_authorized",
    });

    const ok = await makeOrder(db);
    await authorizeOrderPayment(db, gw, { orderId: ok.order.id, idempotencyKey: "a-1", now });
    expect(await captureOrderPayment(db, gw, { orderId: ok.order.id, idempotencyKey: "cap-1", now })).toMatchObject({ ok: true, reused: false });
    expect(await captureOrderPayment(db, gw, { orderId: ok.order.id, idempotencyKey: "cap-2", now })).toMatchObject({ ok: true, reused: true });
    expect(await releaseOrderPayment(db, gw, { orderId: ok.order.id, now })).toMatchObject({ ok: true });
    expect(await paymentOf(ok.order.id)).toMatchObject({ status: "refunded", pendingKey: null });
    expect(await releaseOrderPayment(db, gw, { orderId: ok.order.id, now })).toBeNull();
  });

  it("the database refuses a status outside the vocabulary, or an authorization without a reference", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const insert = (status: string, ref: string | null) =>
      db
        .insert(payments)
        .values({ orderId: order.id, gateway: "test", status: status as never, amountMinor: 1, currency: "USD", ref })
        .then(
          () => "ok",
          () => "refused",
        );
    expect(await insert("paid", "tg_1")).toBe("refused");
    expect(await insert("authorized", null)).toBe("refused");
  });
});
