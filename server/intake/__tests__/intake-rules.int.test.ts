import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as healthGet } from "@/app/api/health/route";
import { getDb } from "@/db/client";
import { auditLog, intakeChannelSettings, intakePayloads, inventory, orderLines, orders, products } from "@/db/schema";
import type { Harness } from "@/tools/inngest-local/harness";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import { redriveStuckOrders } from "@/server/workflows/runtime/redrive-stuck-orders";
import { findStalledPayloads } from "../find-stalled-intake";
import { intakeMetrics } from "../intake-metrics";
import {
  countOrders,
  orderWithLines,
  payloadRow,
  postIntake,
  resetIntake,
  seedCatalog,
  startIntakeInngest,
} from "@/test/support/intake/intake-test-kit";

let harness: Harness;
beforeAll(async () => {
  harness = await startIntakeInngest();
});
afterAll(() => harness.close());

beforeEach(async () => {
  const db = getDb();
  await db.execute(sql`DROP TRIGGER IF EXISTS intake_outage ON orders`);
  await resetIntake(db);
  await seedCatalog(db);
});

/** A real transient failure: inserting the order with this external id fails `times` times (connection_failure). */
async function simulateOutage(externalId: string, times: number) {
  const db = getDb();
  await db.execute(
    sql.raw(`
    DROP SEQUENCE IF EXISTS intake_outage_seq; CREATE SEQUENCE intake_outage_seq;
    CREATE OR REPLACE FUNCTION intake_outage() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.external_id = '${externalId}' AND nextval('intake_outage_seq') <= ${times} THEN
        RAISE EXCEPTION 'simulated outage' USING ERRCODE = '08006';
      END IF;
      RETURN NEW;
    END $$;
    DROP TRIGGER IF EXISTS intake_outage ON orders;
    CREATE TRIGGER intake_outage BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION intake_outage();`),
  );
}

const processRuns = () => harness.executor.runs({ functionId: "replen-intake-test-process-intake" });

describe("state rule for an order that already exists", () => {
  const shopify = (edits: Record<string, unknown>) => editFixture("shopify-orders-create", edits);

  it("records a later status, refuses an earlier one, and cancels through the workflow runtime, which frees stock", async () => {
    const db = getDb();
    const created = await postIntake("shopify", loadFixture("shopify-orders-create"));
    const orderId = created.body.orderId!;
    // The workflow reserved stock for one line meanwhile.
    const [line] = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).limit(1);
    await db.update(orderLines).set({ reservedQuantity: line!.quantity }).where(eq(orderLines.id, line!.id));
    await db.update(inventory).set({ reserved: line!.quantity }).where(eq(inventory.productId, line!.productId));
    await db.update(orders).set({ state: "processing" }).where(eq(orders.id, orderId));

    const back = await postIntake("shopify", shopify({ financial_status: "pending" }));
    expect(back).toMatchObject({ status: 200, body: { status: "rejected", reason: "state_regression", orderId } });
    const forward = await postIntake("shopify", shopify({ fulfillment_status: "fulfilled" }));
    expect(forward).toMatchObject({ status: 200, body: { status: "accepted", action: "status_advanced", orderId } });
    const stale = await postIntake("shopify", shopify({ financial_status: "paid" }));
    expect(stale.body).toMatchObject({ status: "rejected", reason: "state_regression" });

    const cancel = await postIntake("shopify", shopify({ cancelled_at: "2024-05-02T10:00:00+00:00" }));
    expect(cancel).toMatchObject({ status: 200, body: { status: "accepted", action: "cancelled", orderId } });
    const { order, lines } = await orderWithLines(db, orderId);
    expect(order).toMatchObject({ state: "cancelled", transitionSeq: 1 });
    expect(lines.every((l) => l.reservedQuantity === 0)).toBe(true);
    expect((await db.select().from(inventory).where(eq(inventory.productId, line!.productId)))[0]!.reserved).toBe(0);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, orderId)).orderBy(auditLog.id);
    // The cancel is the workflow runtime's guarded move, with its transition audit row.
    expect(audit.map((a) => [a.action, a.fromState, a.toState])).toEqual([
      ["intake_accepted", null, "created"],
      ["transition", "processing", "cancelled"],
    ]);
    expect(audit[1]).toMatchObject({
      actorType: "channel",
      actorId: "shopify",
      data: { via: "external", event: "intake/cancelled", payloadId: cancel.body.payloadId, fromSeq: 0, seq: 1 },
    });
    // A byte-identical redelivery of the create still gets its original result.
    const redelivered = await postIntake("shopify", loadFixture("shopify-orders-create"));
    expect(redelivered).toMatchObject({ status: 200, body: { payloadId: created.body.payloadId, status: "accepted", action: "created", orderId } });
    expect(redelivered.headers.get("Idempotent-Replayed")).toBe("true");
    // Nothing brings a cancelled order back.
    const revived = await postIntake("shopify", shopify({ fulfillment_status: "fulfilled", note: "shipped after all" }));
    expect(revived.body).toMatchObject({ status: "rejected", reason: "state_regression" });
    expect(await countOrders(db)).toBe(1);
  });

  it("refuses a channel cancel once the order has shipped", async () => {
    const db = getDb();
    const created = await postIntake("shopify", loadFixture("shopify-orders-create"));
    await db.update(orders).set({ state: "shipped" }).where(eq(orders.id, created.body.orderId!));
    const cancel = await postIntake("shopify", shopify({ cancelled_at: "2024-05-02T10:00:00+00:00" }));
    expect(cancel.body).toMatchObject({ status: "rejected", reason: "already_shipped" });
    expect((await orderWithLines(db, created.body.orderId!)).order.state).toBe("shipped");
  });
});

describe("per-channel validation modes", () => {
  it("totals: lenient accepts and flags, strict dead-letters with totals_mismatch; api is strict by default", async () => {
    const db = getDb();
    const lenient = await postIntake("woocommerce", loadFixture("woocommerce-duplicate-lines-fee"));
    expect(lenient.status).toBe(201);
    await db.insert(intakeChannelSettings).values({ channel: "woocommerce", totalsMode: "strict", customerMode: "lenient", testOrders: "ignore" });
    const strict = await postIntake("woocommerce", editFixture("woocommerce-duplicate-lines-fee", { id: 4822 }));
    expect(strict.status).toBe(422);
    expect(strict.body).toMatchObject({ error: { reasons: [{ code: "totals_mismatch", path: "totals.totalMinor" }] } });

    const api = await postIntake("api", editFixture("api-order", { "totals.totalMinor": 92821 }));
    expect(api.body).toMatchObject({ deadLetter: true, error: { reasons: [{ code: "totals_mismatch" }] } });
  });

  it("customer: strict requires an existing customer (matched case-insensitively)", async () => {
    const db = getDb();
    await db.insert(intakeChannelSettings).values({ channel: "shopify", totalsMode: "lenient", customerMode: "strict", testOrders: "ignore" });
    const unknown = await postIntake("shopify", loadFixture("shopify-orders-create"));
    expect(unknown.body).toMatchObject({ error: { reasons: [{ code: "unknown_customer", path: "customer.email" }] } });
    await db.execute(sql`INSERT INTO customers (email, name, time_zone) VALUES ('Ana.Lima@example.com', 'Ana', 'Europe/Lisbon')`);
    const known = await postIntake("shopify", editFixture("shopify-orders-create", { id: "5987431293829471814" }));
    expect(known.status).toBe(201);
    expect(await countOrders(db)).toBe(1);
  });

  it("test orders: accepted into a flagged order when the channel says so", async () => {
    const db = getDb();
    await db.insert(intakeChannelSettings).values({ channel: "shopify", totalsMode: "lenient", customerMode: "lenient", testOrders: "accept" });
    const res = await postIntake("shopify", editFixture("shopify-orders-create", { test: true }));
    expect(res.status).toBe(201);
    expect((await orderWithLines(db, res.body.orderId!)).order.flags).toEqual(["test"]);
  });
});

describe("transient failures are retried through Inngest; nothing is lost", () => {
  it("a failed first attempt answers 202, Inngest retries with backoff, and the order is created once", async () => {
    const db = getDb();
    await simulateOutage("118", 2); // the request's attempt and Inngest's first attempt fail
    const res = await postIntake("bigcommerce", loadFixture("bigcommerce-order"));
    expect(res).toMatchObject({ status: 202, body: { status: "received" } });
    expect(await payloadRow(db, res.body.payloadId)).toMatchObject({ status: "received", attempts: 1, lastError: "postgres 08006" });

    const run = await harness.executor.waitForRun(
      (r) => r.functionId.endsWith("process-intake") && r.event.data.payloadId === res.body.payloadId && r.status === "completed",
      { timeoutMs: 10_000 },
    );
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    expect(run.output).toMatchObject({ status: "accepted", action: "created" });
    const row = await payloadRow(db, res.body.payloadId);
    expect(row).toMatchObject({ status: "accepted", attempts: 3, lastError: null });
    expect(await countOrders(db)).toBe(1);
    expect((await intakeMetrics(db)).perChannel.find((c) => c.channel === "bigcommerce")).toMatchObject({ accepted: 1, retried: 1 });
  });

  it("when every retry fails the payload is dead-lettered as processing_failed, then replays once fixed", async () => {
    const db = getDb();
    await simulateOutage("118", 1000);
    const res = await postIntake("bigcommerce", loadFixture("bigcommerce-order"));
    expect(res.status).toBe(202);
    await harness.executor.waitForRun((r) => r.functionId.endsWith("process-intake-failure") && r.status === "completed", { timeoutMs: 15_000 });
    const failed = await payloadRow(db, res.body.payloadId);
    expect(failed).toMatchObject({ status: "dead_lettered", reason: "processing_failed", attempts: 7 });
    expect(processRuns().find((r) => r.event.data.payloadId === res.body.payloadId)).toMatchObject({ status: "failed", attempts: 6 });

    await db.execute(sql`DROP TRIGGER intake_outage ON orders`);
    const { replayPayloads } = await import("../replay-payloads");
    const actor = { userId: "00000000-0000-4000-8000-000000000001", role: "admin" as const, customerId: null, email: "a@x" };
    const [replayed] = await replayPayloads(db, [res.body.payloadId], actor, { now: new Date() });
    expect(replayed).toMatchObject({ status: "accepted", action: "created" });
    expect(await countOrders(db)).toBe(1);
  });
});

describe("GET /api/health", () => {
  it("reports the intake backlog and open dead letters", async () => {
    const db = getDb();
    await postIntake("shopify", editFixture("shopify-orders-create", { "line_items[0].sku": "NOPE" }));
    await postIntake("shopify", "not json");
    await db.insert(intakePayloads).values({
      channel: "api",
      rawBody: "{}",
      bodySha256: "x",
      headers: {},
      signatureValid: true,
      receivedAt: new Date(Date.now() - 5 * 60_000),
    });
    await db.insert(intakePayloads).values({ channel: "api", rawBody: "{}", bodySha256: "y", headers: {}, signatureValid: true });
    const res = await healthGet();
    const report = (await res.json()) as { extra: { intake: { backlog: number; deadLetters: number } } };
    expect(report.extra.intake).toMatchObject({ backlog: 1, deadLetters: 2 });
  });

  it("metrics count per channel and reason", async () => {
    const db = getDb();
    await postIntake("shopify", loadFixture("shopify-orders-create"));
    await postIntake("shopify", loadFixture("shopify-orders-create"));
    await postIntake("shopify", editFixture("shopify-orders-create", { id: 1, "line_items[0].sku": "NOPE" }));
    await postIntake("shopify", "{}", { secret: "wrong" });
    await db.update(products).set({ sellable: true });
    const metrics = await intakeMetrics(db);
    expect(metrics).toMatchObject({ total: 1, byChannel: expect.arrayContaining([{ channel: "shopify", count: 1 }]) });
    expect(metrics.perChannel.find((c) => c.channel === "shopify")).toMatchObject({
      received: 4,
      accepted: 1,
      duplicates: 1,
      deadLettered: 1,
      rejected: 2,
      retried: 0,
      byReason: expect.arrayContaining([
        { reason: "unknown_sku", count: 1 },
        { reason: "bad_signature", count: 1 },
      ]),
    });
  });
});

describe("sweeper queries (re-drive lost events)", () => {
  it("finds payloads left received after their last attempt; the one order sweeper re-announces accepted orders whose workflow never started", async () => {
    const db = getDb();
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const [stalled] = await db
      .insert(intakePayloads)
      .values({
        channel: "api",
        rawBody: "{}",
        bodySha256: "a",
        headers: {},
        signatureValid: true,
        receivedAt: ago(10),
        attempts: 2,
        lastAttemptAt: ago(3),
      })
      .returning();
    await db.insert(intakePayloads).values([
      {
        channel: "api",
        rawBody: "{}",
        bodySha256: "b",
        headers: {},
        signatureValid: true,
        receivedAt: ago(10),
        attempts: 1,
        lastAttemptAt: ago(0.5),
      },
      { channel: "api", rawBody: "{}", bodySha256: "c", headers: {}, signatureValid: true, receivedAt: ago(10), status: "dead_lettered" },
    ]);
    expect(await findStalledPayloads(db, { now })).toEqual([{ payloadId: stalled!.id, attempts: 2 }]);

    const res = await postIntake("shopify", loadFixture("shopify-orders-create"));
    const announced = async () => (await redriveStuckOrders(db, { now, olderThanMinutes: 5 })).events.filter((e) => e.name === "order/created");
    expect(await announced()).toEqual([]);
    await db
      .update(orders)
      .set({ createdAt: ago(10) })
      .where(eq(orders.id, res.body.orderId!));
    expect(await announced()).toEqual([{ name: "order/created", id: `order-created-${res.body.orderId}`, data: { orderId: res.body.orderId } }]);
    await db.update(orders).set({ workflowVersionId: 1, state: "validation" }).where(eq(orders.id, res.body.orderId!));
    expect(await announced()).toEqual([]);
  });
});
