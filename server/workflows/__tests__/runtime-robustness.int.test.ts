import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, orders, testGatewayOperations } from "@/db/schema";
import { defaultWorkflowDefinition, type WorkflowDefinition } from "../model";
import { verifySignature } from "../actions/webhook-action";
import { defaultRuntimeDeps } from "../runtime/default-runtime-deps";
import { driveOrders } from "../runtime/drive-orders";
import { liveVersionForNewOrders } from "../store/live-version";
import { publishCustomWorkflow, pinOrder } from "@/test/support/workflows/custom-workflow";
import { attemptsOf, makeOrder, orderRow, stockOf, transitionsOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

const FAST = { attempts: 3, initialIntervalMs: 100, backoffRate: 2, maxIntervalMs: 1_000 };

describe("runtime robustness: duplicates, sweeper, webhooks", () => {
  let h: WorkflowHarness;
  beforeAll(async () => {
    h = await startWorkflowHarness();
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  const processingOrder = async () => {
    const db = getDb();
    const made = await makeOrder(db, { lines: [{ quantity: 3, stock: 10 }] });
    const live = await liveVersionForNewOrders(db);
    await pinOrder(db, made.order.id, live.versionId, "processing");
    return { ...made, data: { orderId: made.order.id, state: "processing", versionId: live.versionId, seq: 0 } };
  };
  const expectOnce = async (orderId: string, productId: string) => {
    const db = getDb();
    expect((await transitionsOf(db, orderId)).map((t) => `${t.fromState}→${t.toState}`)).toEqual(["processing→ready_to_ship"]);
    expect((await stockOf(db, productId)).reserved).toBe(3);
    const approved = await db
      .select()
      .from(testGatewayOperations)
      .where(
        and(eq(testGatewayOperations.orderId, orderId), eq(testGatewayOperations.kind, "authorize"), eq(testGatewayOperations.outcome, "approved")),
      );
    expect(approved).toHaveLength(1);
    // Each attempt is recorded once even though two runs tried the same visit.
    expect(
      (await attemptsOf(db, orderId))
        .filter((a) => a.stateSeq === 0)
        .map((a) => `${a.actionId}#${a.attempt}`)
        .sort(),
    ).toEqual(["a_authorize_payment#1", "a_capture_payment#1", "a_reserve_inventory#1"]);
  };

  it("two concurrent per-order runs of the same visit make one transition, one authorization, one reservation", async () => {
    const { order, products, data } = await processingOrder();
    // Different event ids, so Inngest's dedupe does not help: only the database can.
    await h.client.send([
      { name: "order/state.run", id: `dup-a-${order.id}`, data },
      { name: "order/state.run", id: `dup-b-${order.id}`, data },
    ]);
    await h.waitForState(order.id, "ready_to_ship");
    await h.executor.waitForIdle();
    await expectOnce(order.id, products[0]!.id);
    const runs = h.executor.runs({ functionId: "replen-run-order-state" }).filter((r) => (r.event.data as { orderId?: string }).orderId === order.id);
    expect(runs.filter((r) => r.status === "completed")).toHaveLength(2);
  });

  it("two batch drives of the same visit racing on separate connections make one transition, one authorization, one reservation", async () => {
    const { order, products, data } = await processingOrder();
    const deps = defaultRuntimeDeps({ db: getDb() });
    const results = await Promise.all([driveOrders(deps, [data], { parallelism: 2 }), driveOrders(deps, [data], { parallelism: 2 })]);
    expect(results.map((r) => r.moved).sort()).toEqual([0, 1]);
    expect(await orderRow(getDb(), order.id)).toMatchObject({ state: "ready_to_ship" });
    await expectOnce(order.id, products[0]!.id);
  });

  it("two state-entered events for one visit in one batch drive it once", async () => {
    const { order, products, data } = await processingOrder();
    await h.client.send([
      { name: "order/state.entered", id: `dup-c-${order.id}`, data },
      { name: "order/state.entered", id: `dup-d-${order.id}`, data },
    ]);
    await h.waitForState(order.id, "ready_to_ship");
    await h.executor.waitForIdle();
    await expectOnce(order.id, products[0]!.id);
  });

  it("a stale event (old seq) does nothing", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const live = await liveVersionForNewOrders(db);
    await pinOrder(db, order.id, live.versionId, "validation");
    await db.update(orders).set({ transitionSeq: 5 }).where(eq(orders.id, order.id));
    await h.client.send({ name: "order/state.entered", data: { orderId: order.id, state: "validation", versionId: live.versionId, seq: 4 } });
    await h.executor.waitForIdle();
    expect(await orderRow(db, order.id)).toMatchObject({ state: "validation", transitionSeq: 5 });
  });

  it("the sweeper re-drives an order stuck in an automatic state", async () => {
    const db = getDb();
    const { order } = await makeOrder(db);
    const live = await liveVersionForNewOrders(db);
    await pinOrder(db, order.id, live.versionId, "validation");
    // Its state-entered event was lost an hour ago.
    await db
      .update(orders)
      .set({ stateEnteredAt: new Date(Date.now() - 3_600_000) })
      .where(eq(orders.id, order.id));
    // A waiting state (ready_to_ship) is never "stuck", however old.
    const { order: waiting } = await makeOrder(db);
    await pinOrder(db, waiting.id, live.versionId, "ready_to_ship");
    await db
      .update(orders)
      .set({ stateEnteredAt: new Date(Date.now() - 3_600_000) })
      .where(eq(orders.id, waiting.id));

    expect(h.executor.tickCron(new Date(Date.now() + 120_000))).not.toHaveLength(0);
    await h.waitForState(order.id, "ready_to_ship");
    const redriven = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, "workflow_redriven")));
    expect(redriven).toHaveLength(1);
    expect(redriven[0]!.data).toMatchObject({ seq: 0, redrive: 1 });
    const [{ n } = { n: -1 }] = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = ${waiting.id} AND action = 'workflow_redriven'`,
    );
    expect(n).toBe(0);
  });

  it("the sweeper expires an overdue review whose run was lost (fail closed → rejected)", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { lines: [{ priceMinor: 90_000 }] });
    const live = await liveVersionForNewOrders(db);
    await pinOrder(db, order.id, live.versionId, "manual_review");
    await db
      .update(orders)
      .set({ stateEnteredAt: new Date(Date.now() - 49 * 3_600_000) })
      .where(eq(orders.id, order.id));
    h.executor.tickCron(new Date(Date.now() + 360_000));
    await h.waitForState(order.id, "rejected");
    expect((await transitionsOf(db, order.id)).at(-1)!.data).toMatchObject({ via: "timeout", edgeId: "manual_review:timeout" });
  });

  it("the sweeper settles a final order that still holds stock (moved there outside the engine)", async () => {
    const db = getDb();
    const { order, products } = await makeOrder(db, { lines: [{ quantity: 2, stock: 5, reserved: 2 }] });
    await db.execute(sql`UPDATE inventory SET reserved = 2 WHERE product_id = ${products[0]!.id}`);
    const live = await liveVersionForNewOrders(db);
    // e.g. the channel cancelled it: state changed, no state-entered event.
    await pinOrder(db, order.id, live.versionId, "cancelled");
    await db
      .update(orders)
      .set({ stateEnteredAt: new Date(Date.now() - 3_600_000), transitionSeq: 3 })
      .where(eq(orders.id, order.id));
    h.executor.tickCron(new Date(Date.now() + 240_000));
    await h.waitFor(async () => (await stockOf(db, products[0]!.id)).reserved === 0, "reservation released by settle");
    expect(await stockOf(db, products[0]!.id)).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it("the webhook action POSTs a body signed with HMAC-SHA256; a 5xx is retried per the policy", async () => {
    const db = getDb();
    const received: Array<{ body: string; signature: string | undefined; key: string | undefined }> = [];
    let calls = 0;
    const receiver = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString("utf8")));
      req.on("end", () => {
        calls++;
        received.push({
          body,
          signature: req.headers["x-replen-signature"] as string | undefined,
          key: req.headers["x-replen-idempotency-key"] as string | undefined,
        });
        res.writeHead(calls === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/wms/orders`;
    try {
      const def: WorkflowDefinition = {
        schemaVersion: 1,
        states: [
          { id: "created", label: "Created", kind: "initial", actions: [] },
          {
            id: "notify_wms",
            label: "Update WMS",
            kind: "normal",
            actions: [[{ id: "a_wms", type: "webhook", params: { url, secretName: "default" }, retry: FAST, onFailure: { transitionTo: "failed" } }]],
          },
          { id: "done", label: "Done", kind: "terminal", actions: [] },
          { id: "failed", label: "Failed", kind: "terminal", actions: [] },
        ],
        transitions: [
          { id: "t1", from: "created", to: "notify_wms", trigger: { kind: "automatic" }, priority: 0 },
          { id: "t2", from: "notify_wms", to: "done", trigger: { kind: "automatic" }, priority: 0 },
        ],
      };
      const { versionId } = await publishCustomWorkflow(db, "wms", def);
      const { order } = await makeOrder(db, { lines: [{ quantity: 2 }] });
      await pinOrder(db, order.id, versionId);
      await h.client.send({ name: "order/state.entered", data: { orderId: order.id, state: "created", versionId, seq: 0 } });
      await h.waitForState(order.id, "done");

      expect(received).toHaveLength(2);
      for (const r of received) expect(verifySignature(r.body, r.signature, "replen-dev-webhook-secret")).toBe(true);
      expect(verifySignature(received[1]!.body, received[1]!.signature, "another-secret")).toBe(false);
      expect(JSON.parse(received[1]!.body)).toMatchObject({
        type: "order.workflow_action",
        orderId: order.id,
        state: "notify_wms",
        attempt: 2,
        order: { lines: [{ quantity: 2 }] },
      });
      expect(received[0]!.key).toBe(received[1]!.key);
      expect((await attemptsOf(db, order.id)).map((a) => `${a.attempt}:${a.status}:${a.error ?? ""}`)).toEqual(["1:failed:http_503", "2:succeeded:"]);

      // An unknown secret name is not retried and takes the fallback.
      const bad = structuredClone(def);
      const action = bad.states[1]!.actions[0]![0]!;
      if (action.type === "webhook") action.params.secretName = "nope";
      const { versionId: badVersion } = await publishCustomWorkflow(db, "wms-bad", bad);
      const { order: other } = await makeOrder(db);
      await pinOrder(db, other.id, badVersion);
      await h.client.send({ name: "order/state.entered", data: { orderId: other.id, state: "created", versionId: badVersion, seq: 0 } });
      await h.waitForState(other.id, "failed");
      expect((await attemptsOf(db, other.id)).map((a) => a.error)).toEqual(["unknown_secret:nope"]);
    } finally {
      receiver.close();
    }
  });

  it("a parallel group (payment ∥ stock ∥ an extra notice) joins before the next group runs", async () => {
    const db = getDb();
    const def = defaultWorkflowDefinition({ approvalThresholdMinor: 1_000_000 });
    // Processing with an extra in-app notice next to the payment and stock actions.
    def.states
      .find((s) => s.id === "processing")!
      .actions[0]!.push({
        id: "a_notify_processing",
        type: "notify",
        params: { template: "custom_hello", channel: "in_app" },
        retry: { attempts: 1, initialIntervalMs: 0, backoffRate: 1, maxIntervalMs: 0 },
      });
    const { versionId } = await publishCustomWorkflow(db, "parallel", def);
    const { order } = await makeOrder(db);
    await pinOrder(db, order.id, versionId);
    await h.client.send({ name: "order/state.entered", data: { orderId: order.id, state: "created", versionId, seq: 0 } });
    await h.waitForState(order.id, "ready_to_ship");
    const tries = (await attemptsOf(db, order.id)).filter((a) => a.stateId === "processing");
    const capture = tries.find((a) => a.actionId === "a_capture_payment")!;
    for (const first of tries.filter((a) => a.actionId !== "a_capture_payment")) expect(first.at.getTime()).toBeLessThanOrEqual(capture.at.getTime());
    expect(tries.map((a) => a.actionId).sort()).toEqual(["a_authorize_payment", "a_capture_payment", "a_notify_processing", "a_reserve_inventory"]);
  });
});
