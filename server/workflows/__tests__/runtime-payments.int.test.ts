import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as dashboardGet } from "@/app/api/v1/admin/dashboard/route";
import { getDb } from "@/db/client";
import { notifications, payments, subscriptions, testGatewayOperations } from "@/db/schema";
import { savePaymentMethod } from "@/server/payments/payment-method";
import { TEST_CARDS } from "@/server/payments/test-cards";
import { callRoute, makeStaff } from "@/test/support/workflows/api-client";
import { attemptsOf, makeOrder, orderRow, stockOf, transitionsOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

/** Dunning retries after 1 and 2 minutes (fast-forwarded with fireSleeps), then pause. */
const DUNNING = [60_000, 120_000];

describe("payments: retries, fallback with compensation, dunning", () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await startWorkflowHarness({ dunningDelaysMs: DUNNING });
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  const authorizeTries = async (orderId: string) =>
    (await attemptsOf(getDb(), orderId)).filter((a) => a.actionId === "a_authorize_payment").map((a) => `${a.attempt}:${a.status}`);

  it("a transiently failing payment is retried under the action's policy and succeeds", async () => {
    const { order } = await makeOrder(getDb(), { card: TEST_CARDS.transientTwice });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "ready_to_ship");
    expect(await authorizeTries(order.id)).toEqual(["1:failed", "2:failed", "3:succeeded"]);
    const [payment] = await getDb().select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment).toMatchObject({ status: "captured", amountMinor: order.totalMinor });
    const processing = (await transitionsOf(getDb(), order.id)).find((t) => t.fromState === "processing")!;
    expect(processing.data).toMatchObject({ attempts: { a_authorize_payment: 3, a_reserve_inventory: 1, a_capture_payment: 1 } });
  });

  it("a permanent decline takes the fallback: inventory released, customer notified, then dunning pauses the subscription", async () => {
    const db = getDb();
    const { order, products, customerId, subscriptionId } = await makeOrder(db, {
      card: TEST_CARDS.decline,
      withSubscription: true,
      lines: [{ quantity: 2, stock: 10, reserved: 2 }],
    });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "payment_failed");

    expect(await authorizeTries(order.id)).toEqual(["1:failed", "2:failed", "3:failed"]);
    const fallback = (await transitionsOf(db, order.id)).find((t) => t.toState === "payment_failed")!;
    expect(fallback.data).toMatchObject({
      via: "on_failure",
      edgeId: "a_authorize_payment:on_failure",
      failed: { actionId: "a_authorize_payment", error: "declined:card_declined" },
      compensated: [{ type: "release_inventory", ok: true }],
    });
    expect(await stockOf(db, products[0]!.id)).toMatchObject({ onHand: 10, reserved: 0 });
    await h.waitFor(async () => {
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.customerId, customerId), eq(notifications.kind, "order_payment_failed")));
      return rows.length === 1;
    }, "payment failed notice");
    await h.waitFor(async () => h.mail.messages.some((m) => /couldn't take payment for order #\d+/.test(m.subject)), "payment failed email");

    // Dunning: two scheduled retries (still declined), then the subscription is paused.
    await h.waitFor(async () => {
      h.executor.fireSleeps();
      const [s] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscriptionId!));
      return s?.status === "paused";
    }, "subscription paused by dunning");
    const dunning = (await attemptsOf(db, order.id)).filter((a) => a.actionId === "dunning_retry");
    expect(dunning.map((a) => `${a.attempt}:${a.status}`)).toEqual(["1:failed", "2:failed"]);
    await h.waitFor(async () => h.mail.messages.some((m) => m.subject === "Your subscription is paused"), "paused email");
    expect((await orderRow(db, order.id)).state).toBe("payment_failed");

    // The customer fixes the card: payment/method_updated retries the order through Processing.
    await savePaymentMethod(db, customerId, { gateway: "test", token: TEST_CARDS.approve }, new Date());
    await h.client.send({ name: "payment/method_updated", data: { customerId } });
    await h.waitForState(order.id, "ready_to_ship");
    expect(await stockOf(db, products[0]!.id)).toMatchObject({ onHand: 10, reserved: 2 });
  });

  it("a dunning retry that succeeds takes the order back through Processing", async () => {
    const db = getDb();
    const { order, customerId } = await makeOrder(db, { card: TEST_CARDS.decline });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "payment_failed");
    await savePaymentMethod(db, customerId, { gateway: "test", token: TEST_CARDS.approve }, new Date());
    await h.waitFor(async () => {
      h.executor.fireSleeps();
      return (await orderRow(db, order.id)).state === "ready_to_ship";
    }, "dunning retry succeeded");
    const back = (await transitionsOf(db, order.id)).find((t) => t.fromState === "payment_failed")!;
    expect(back).toMatchObject({
      toState: "processing",
      actorId: "dunning",
      data: expect.objectContaining({ via: "event", event: "payment/method_updated" }),
    });
    // One authorization taken by dunning, reused by Processing: the gateway authorized once.
    const auths = await db
      .select()
      .from(testGatewayOperations)
      .where(
        and(eq(testGatewayOperations.orderId, order.id), eq(testGatewayOperations.kind, "authorize"), eq(testGatewayOperations.outcome, "approved")),
      );
    expect(auths).toHaveLength(1);
  });

  it("a capture decline keeps the authorization and releases stock", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { card: TEST_CARDS.captureDecline, lines: [{ quantity: 1, stock: 4 }] });
    await h.client.send({ name: "order/created", data: { orderId: order.id } });
    await h.waitForState(order.id, "payment_failed");
    const [payment] = await db.select().from(payments).where(eq(payments.orderId, order.id));
    expect(payment?.status).toBe("authorized");
    expect((await stockOf(db, products[0]!.id)).reserved).toBe(0);
  });

  it("the dashboard API counts states, retries, failures and the review queue", async () => {
    const staff = await makeStaff(getDb(), "merchandiser");
    const res = await callRoute(dashboardGet, { token: staff.token });
    expect(res.status).toBe(200);
    const body = res.body as {
      ordersByState: Array<{ state: string; count: number }>;
      actions: { attempts: number; retries: number; failures: number; retryRate: number; failureRate: number; finalFailures: number };
      throughputPerHour: Array<{ hour: string; count: number; created: number }>;
      timeInState: Array<{ state: string; avgSeconds: number; p95Seconds: number; bottleneck: boolean }>;
      reviewQueue: { count: number };
      deadLetters: { total: number };
    };
    const counts = Object.fromEntries(body.ordersByState.map((s) => [s.state, s.count]));
    expect(counts).toMatchObject({ ready_to_ship: 3, payment_failed: 1 });
    const [{ n: retries } = { n: 0 }] = await getDb().execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM order_action_attempts WHERE attempt > 1`,
    );
    expect(body.actions.retries).toBe(retries);
    expect(body.actions.failures).toBeGreaterThanOrEqual(8);
    expect(body.actions.finalFailures).toBeGreaterThanOrEqual(3);
    expect(body.actions.retryRate).toBeCloseTo(body.actions.retries / body.actions.attempts, 3);
    expect(body.throughputPerHour).toHaveLength(24);
    expect(body.throughputPerHour.reduce((n, h) => n + h.created, 0)).toBe(4);
    expect(body.timeInState.map((t) => t.state)).toEqual(expect.arrayContaining(["created", "validation", "processing", "payment_failed"]));
    expect(body.timeInState.filter((t) => t.bottleneck)).toHaveLength(1);
    expect(body.reviewQueue.count).toBe(0);
    expect(body.deadLetters.total).toBe(0);
  });
});
