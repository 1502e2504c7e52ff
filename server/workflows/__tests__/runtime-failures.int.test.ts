import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { fail, type ActionExecutor } from "../actions/action-result";
import { defaultWorkflowDefinition, type WorkflowDefinition } from "../model";
import { defaultRuntimeDeps } from "../runtime/default-runtime-deps";
import { createInProcessDriver } from "../runtime/in-process-driver";
import { startOrderWorkflow } from "../runtime/start-order-workflow";
import { publishCustomWorkflow, pinOrder } from "@/test/support/workflows/custom-workflow";
import { attemptsOf, makeOrder, orderRow, transitionsOf } from "@/test/support/workflows/order-factory";

/** Wraps the real executor, forcing some action ids to fail. */
function failing(real: ActionExecutor, ids: Record<string, { error: string; retryable?: boolean }>): ActionExecutor {
  return {
    execute: (i) => (ids[i.action.id] ? Promise.resolve(fail(ids[i.action.id]!.error, ids[i.action.id]!.retryable ?? true)) : real.execute(i)),
  };
}

/**
 * Runtime decisions driven in-process (createInProcessDriver: the same runOrderState, with
 * waits answered at once) — timeouts, escalations and failure handling that would take days
 * of real time through Inngest.
 */
describe("runtime failure handling and timeouts", () => {
  const deps = () => defaultRuntimeDeps({ dunningDelaysMs: [] });

  it("an unanswered review expires after its timeout and the order is rejected (fail closed)", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { lines: [{ priceMinor: 90_000 }] });
    const started = (await startOrderWorkflow(db, order.id, new Date()))!;
    const driver = createInProcessDriver(deps());
    driver.enqueue({
      name: "order/state.entered",
      data: { orderId: order.id, state: started.state, versionId: started.versionId, seq: started.seq },
    });
    await driver.drain();
    expect((await orderRow(db, order.id)).state).toBe("rejected");
    const expiry = (await transitionsOf(db, order.id)).at(-1)!;
    expect(expiry).toMatchObject({
      fromState: "manual_review",
      data: expect.objectContaining({ via: "timeout", edgeId: "manual_review:timeout", guard: "a_require_approval timed out" }),
    });
  });

  it("a customs failure escalates an international order to review instead of rejecting it", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { country: "KP" });
    const started = (await startOrderWorkflow(db, order.id, new Date()))!;
    const driver = createInProcessDriver(deps(), { waitFor: () => null });
    driver.enqueue({ name: "order/state.entered", data: { ...started } });
    await driver.drain(3);
    const moves = await transitionsOf(db, order.id);
    expect(moves[1]).toMatchObject({
      fromState: "validation",
      toState: "manual_review",
      data: expect.objectContaining({ via: "on_failure", failed: { actionId: "a_tax_customs_check", error: "destination_blocked:KP" } }),
    });
    // Not retryable: the same data gives the same answer, so one try only.
    expect((await attemptsOf(db, order.id)).filter((a) => a.actionId === "a_tax_customs_check")).toHaveLength(1);
  });

  it("inventory failure → Backordered with compensation; the 14-day timeout cancels it", async () => {
    const db = getDb();
    const { order } = await makeOrder(db, { lines: [{ quantity: 5, stock: 2 }] });
    const started = (await startOrderWorkflow(db, order.id, new Date()))!;
    const driver = createInProcessDriver(deps());
    driver.enqueue({ name: "order/state.entered", data: { ...started } });
    await driver.drain();
    const path = (await transitionsOf(db, order.id)).map((t) => t.toState);
    expect(path).toEqual(["validation", "processing", "backordered", "cancelled"]);
    const backorder = (await transitionsOf(db, order.id))[2]!;
    expect(backorder.data).toMatchObject({
      via: "on_failure",
      compensated: [{ type: "release_inventory", ok: true }],
      attempts: { a_reserve_inventory: 3 },
    });
  });

  it("a best-effort failure is logged and the order carries on; a critical failure without fallback parks the order", async () => {
    const db = getDb();
    const def: WorkflowDefinition = defaultWorkflowDefinition({ approvalThresholdMinor: 1_000_000 });
    const validation = def.states.find((s) => s.id === "validation")!;
    validation.actions.push([
      {
        id: "a_hello",
        type: "notify",
        params: { template: "x", channel: "email" },
        retry: { attempts: 2, initialIntervalMs: 0, backoffRate: 1, maxIntervalMs: 0 },
      },
    ]);
    delete def.states.find((s) => s.id === "processing")!.actions[1]![0]!.onFailure;
    const { versionId } = await publishCustomWorkflow(db, "failures", def);
    const { order } = await makeOrder(db);
    await pinOrder(db, order.id, versionId);
    const base = defaultRuntimeDeps({ dunningDelaysMs: [] });
    const driver = createInProcessDriver({
      ...base,
      executor: failing(base.executor, { a_hello: { error: "smtp_down" }, a_capture_payment: { error: "gateway_error:http_503" } }),
    });
    driver.enqueue({ name: "order/state.entered", data: { orderId: order.id, state: "created", versionId, seq: 0 } });
    const outcomes = await driver.drain();

    expect((await orderRow(db, order.id)).state).toBe("processing");
    expect(outcomes.at(-1)).toEqual({ kind: "stuck", reason: "unhandled_failure:a_capture_payment" });
    const failures = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, order.id), eq(auditLog.action, "action_failed")));
    expect(failures.map((f) => f.data)).toEqual([
      expect.objectContaining({ actionId: "a_hello", bestEffort: true }),
      expect.objectContaining({ actionId: "a_capture_payment", handled: false }),
    ]);
    expect((await attemptsOf(db, order.id)).filter((a) => a.actionId === "a_hello").map((a) => a.status)).toEqual(["failed", "failed"]);
  });
});
