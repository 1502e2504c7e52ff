import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as bulkPreviewPost } from "@/app/api/v1/admin/workflows/[id]/bulk-preview/route";
import { POST as migratePost } from "@/app/api/v1/admin/workflows/[id]/migrations/route";
import { POST as migrationPreviewPost } from "@/app/api/v1/admin/workflows/[id]/migrations/preview/route";
import { GET as operationGet } from "@/app/api/v1/admin/workflows/[id]/operations/[operationId]/route";
import { POST as operationsPost } from "@/app/api/v1/admin/workflows/[id]/operations/route";
import { GET as overlayGet } from "@/app/api/v1/admin/workflows/[id]/overlay/route";
import { GET as stateOrdersGet } from "@/app/api/v1/admin/workflows/[id]/orders/route";
import { PUT as draftPut } from "@/app/api/v1/admin/workflows/[id]/draft/route";
import { POST as publishPost } from "@/app/api/v1/admin/workflows/[id]/publish/route";
import { GET as versionDiffGet } from "@/app/api/v1/admin/workflows/[id]/versions/diff/route";
import { POST as restorePost } from "@/app/api/v1/admin/workflows/[id]/versions/[versionId]/restore/route";
import { GET as dashboardGet } from "@/app/api/v1/admin/dashboard/route";
import { getDb } from "@/db/client";
import { adminNotifications, auditLog, paymentMethods, workflows, workflowVersions } from "@/db/schema";
import { TEST_CARDS } from "@/server/payments/test-cards";
import { emailSender } from "@/server/notifications/send-email";
import { defaultWorkflowDefinition, type WorkflowDefinition } from "../model";
import { sendSlaAlerts } from "../sla/send-sla-alerts";
import { seedDefaultWorkflow } from "../store/seed-default-workflow";
import { callRoute, makeStaff } from "@/test/support/workflows/api-client";
import { makeOrder, orderRow, stockOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

describe("operating workflows: overlay, bulk operations, migration, restore/diff, SLA alerts", () => {
  let h: WorkflowHarness;
  let admin: { token: string; userId: string };
  let workflowId: number;
  let v1: number;
  const params = () => ({ id: String(workflowId) });
  beforeAll(async () => {
    h = await startWorkflowHarness();
    ({ workflowId } = await seedDefaultWorkflow(getDb()));
    const [v] = await getDb().select({ id: workflowVersions.id }).from(workflowVersions).where(eq(workflowVersions.workflowId, workflowId));
    v1 = v!.id;
    admin = await makeStaff(getDb(), "admin");
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  const start = async (o: Parameters<typeof makeOrder>[1]) => {
    const made = await makeOrder(getDb(), o);
    await h.client.send({ name: "order/created", data: { orderId: made.order.id } });
    return made;
  };
  const waitDone = async (operationId: string) =>
    h.waitFor(async () => {
      const r = await callRoute(operationGet, { token: admin.token, params: { ...params(), operationId } });
      return r.body.status === "done" ? r.body : null;
    }, `operation ${operationId} done`);

  it("bulk operations refuse an empty filter and a malformed one, naming the field", async () => {
    const empty = await callRoute(operationsPost, { token: admin.token, method: "POST", params: params(), body: { action: "cancel", filter: {} } });
    expect(empty.status).toBe(422);
    expect(JSON.stringify(empty.body)).toContain("Choose at least one filter");
    const bad = await callRoute(bulkPreviewPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { filter: { enteredFrom: "yesterday" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ fields: { "filter.enteredFrom": expect.any(String) } });
    const none = await callRoute(operationsPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { action: "cancel", filter: { state: "nowhere" } },
    });
    expect(none.status).toBe(409);
  });

  it("a bulk redrive sends declined orders back to the state whose action failed; each gets an audit row naming the admin", async () => {
    const db = getDb();
    const made = await Promise.all([1, 2, 3].map(() => start({ card: TEST_CARDS.decline })));
    for (const m of made) await h.waitForState(m.order.id, "payment_failed");

    const preview = await callRoute(bulkPreviewPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { filter: { error: "card_declined" } },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.count).toBe(3);
    expect((preview.body.sample as Array<{ id: string }>).map((s) => s.id).sort()).toEqual(made.map((m) => m.order.id).sort());

    // The customers fixed their cards (setup: the payments domain is not under test here).
    for (const m of made) await db.update(paymentMethods).set({ token: TEST_CARDS.approve }).where(eq(paymentMethods.customerId, m.customerId));
    const started = await callRoute(operationsPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { action: "retry", filter: { state: "payment_failed", error: "card_declined" } },
    });
    expect(started.status).toBe(200);
    expect(started.body.total).toBe(3);
    const done = await waitDone(started.body.operationId as string);
    expect(done).toMatchObject({ total: 3, processed: 3, succeeded: 3, skipped: 0 });
    for (const m of made) await h.waitForState(m.order.id, "ready_to_ship");
    const redrives = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "transition"), sql`${auditLog.data}->>'bulk' = 'retry'`));
    expect(redrives).toHaveLength(3);
    for (const r of redrives)
      expect(r).toMatchObject({ actorType: "user", actorId: admin.userId, fromState: "payment_failed", toState: "processing" });
    expect(redrives[0]!.data).toMatchObject({ redrive: { actionId: "a_authorize_payment", error: expect.stringContaining("declined") } });
  });

  it("bulk cancel by state and channel cancels in-flight orders only and releases their stock", async () => {
    const db = getDb();
    const a = await start({});
    await h.waitForState(a.order.id, "ready_to_ship");
    const before = await stockOf(db, a.products[0]!.id);
    expect(before.reserved).toBe(1);
    const r = await callRoute(operationsPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { action: "cancel", filter: { state: "ready_to_ship", channel: "replen" } },
    });
    expect(r.status).toBe(200);
    const done = await waitDone(r.body.operationId as string);
    expect(done.succeeded).toBe(r.body.total);
    await h.waitForState(a.order.id, "cancelled");
    expect((await stockOf(db, a.products[0]!.id)).reserved).toBe(0);
  });

  it("migrates in-flight orders to a new version (same-named states), previews the unmappable ones and leaves them pinned", async () => {
    const db = getDb();
    const ready = await start({});
    const back = await start({ lines: [{ stock: 0 }] });
    await h.waitForState(ready.order.id, "ready_to_ship");
    await h.waitForState(back.order.id, "backordered");

    // v2: no backordered state (its inbound edge goes to cancelled instead), an SLA on ready_to_ship.
    const v2def: WorkflowDefinition = structuredClone(defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 }));
    v2def.states = v2def.states.filter((s) => s.id !== "backordered");
    for (const s of v2def.states)
      for (const g of s.actions) for (const x of g) if (x.onFailure?.transitionTo === "backordered") x.onFailure.transitionTo = "cancelled";
    v2def.transitions = v2def.transitions.filter((t) => t.from !== "backordered" && t.to !== "backordered");
    v2def.states.find((s) => s.id === "ready_to_ship")!.expectedWithinSeconds = 1;
    expect((await callRoute(draftPut, { token: admin.token, method: "PUT", params: params(), body: { definition: v2def } })).status).toBe(200);
    const pub = await callRoute(publishPost, { token: admin.token, method: "POST", params: params() });
    expect(pub.status).toBe(200);
    const v2 = pub.body.versionId as number;

    const badMap = await callRoute(migrationPreviewPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { fromVersionId: v1, toVersionId: v2, mapping: { ready_to_ship: "nowhere" } },
    });
    expect(badMap.status).toBe(422);
    expect(badMap.body.error).toMatchObject({ fields: { "mapping.ready_to_ship": expect.stringContaining("nowhere") } });

    const preview = await callRoute(migrationPreviewPost, {
      token: admin.token,
      method: "POST",
      params: params(),
      body: { fromVersionId: v1, toVersionId: v2 },
    });
    expect(preview.status).toBe(200);
    expect(preview.body.states).toContainEqual({ from: "backordered", to: null, count: 1 });
    expect(preview.body.states).toContainEqual({ from: "ready_to_ship", to: "ready_to_ship", count: 1 });
    expect(preview.body.unmappable).toBe(1);
    expect((preview.body.unmappableSample as Array<{ id: string }>).map((s) => s.id)).toEqual([back.order.id]);

    const run = await callRoute(migratePost, { token: admin.token, method: "POST", params: params(), body: { fromVersionId: v1, toVersionId: v2 } });
    expect(run.status).toBe(200);
    await waitDone(run.body.operationId as string);
    expect(await orderRow(db, ready.order.id)).toMatchObject({ workflowVersionId: v2, state: "ready_to_ship" });
    expect(await orderRow(db, back.order.id)).toMatchObject({ workflowVersionId: v1, state: "backordered" });
    const [migrated] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ready.order.id), eq(auditLog.action, "workflow_migrated")));
    expect(migrated).toMatchObject({
      actorType: "user",
      actorId: admin.userId,
      data: expect.objectContaining({ fromVersionId: v1, toVersionId: v2 }),
    });

    // The migrated order runs on v2: shipping it works through the new version's run.
    await h.client.send({ name: "order/shipped", data: { orderId: ready.order.id } });
    await h.waitForState(ready.order.id, "shipped");

    // The semantic diff between the two versions names the removed state and the new SLA.
    const diff = await callRoute(versionDiffGet, {
      token: admin.token,
      params: params(),
      path: `/api/v1/admin/workflows/${workflowId}/versions/diff?from=${v1}&to=${v2}`,
    });
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual({ kind: "removed", element: "state", id: "backordered" });
    expect(diff.body.changes).toContainEqual({ kind: "changed", element: "state", id: "ready_to_ship", fields: ["expectedWithinSeconds"] });

    // Restore v1 as the draft: the draft equals v1's definition again.
    const restored = await callRoute(restorePost, { token: admin.token, method: "POST", params: { ...params(), versionId: String(v1) } });
    expect(restored).toMatchObject({ status: 200, body: { version: 1 } });
    const [wf] = await db.select().from(workflows).where(eq(workflows.id, workflowId));
    const [v1row] = await db.select().from(workflowVersions).where(eq(workflowVersions.id, v1));
    expect(wf!.draft).toEqual(v1row!.definition);
  });

  it("the overlay counts orders per state now, visits and edges in the window, failures; the drill-down lists a state's orders", async () => {
    const db = getDb();
    const fresh = await start({});
    await h.waitForState(fresh.order.id, "ready_to_ship");
    const truth = await db.execute<{ state: string; n: number }>(sql`
      SELECT state, count(*)::int AS n FROM orders WHERE workflow_version_id IN (SELECT id FROM workflow_versions WHERE workflow_id = ${workflowId})
        AND state NOT IN ('shipped', 'cancelled', 'rejected') GROUP BY state`);
    expect(truth.length).toBeGreaterThanOrEqual(2); // ready_to_ship, backordered at least
    const overlay = await callRoute(overlayGet, {
      token: admin.token,
      params: params(),
      path: `/api/v1/admin/workflows/${workflowId}/overlay?hours=1`,
    });
    expect(overlay.status).toBe(200);
    const states = overlay.body.states as Array<{
      state: string;
      now: number | null;
      arrived: number;
      visits: number;
      failures: number;
      medianMs: number | null;
    }>;
    for (const t of truth) expect(states.find((s) => s.state === t.state)?.now).toBe(t.n);
    // Final states are not counted "now" (their population only grows); they show arrivals in the window.
    const [cancelled] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders WHERE state = 'cancelled'`);
    expect(states.find((s) => s.state === "cancelled")).toMatchObject({ now: null, arrived: cancelled!.n });
    const edges = overlay.body.edges as Array<{ from: string; to: string; count: number }>;
    const [transitions] = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'order' AND action = 'transition'`,
    );
    expect(edges.reduce((n, e) => n + e.count, 0)).toBe(transitions!.n);
    expect(edges.find((e) => e.from === "processing" && e.to === "payment_failed")?.count).toBe(3);
    expect(states.find((s) => s.state === "processing")!.failures).toBeGreaterThanOrEqual(3);
    expect(states.find((s) => s.state === "validation")!.medianMs).toBeGreaterThanOrEqual(0);

    const list = await callRoute(stateOrdersGet, {
      token: admin.token,
      params: params(),
      path: `/api/v1/admin/workflows/${workflowId}/orders?state=ready_to_ship`,
    });
    expect(list.status).toBe(200);
    expect((list.body.sample as Array<{ id: string }>).map((s) => s.id)).toContain(fresh.order.id);
  });

  it("an order over its state's SLA alerts every admin by email and in-app, once", async () => {
    const db = getDb();
    // v2 is live (the restored draft is not published): new orders start on it, with its 1 s SLA on ready_to_ship.
    const [v2] = await db
      .select({ id: workflowVersions.id })
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, workflowId), eq(workflowVersions.version, 2)));
    const late = await start({});
    await h.waitForState(late.order.id, "ready_to_ship");
    expect((await orderRow(db, late.order.id)).workflowVersionId).toBe(v2!.id);
    const before = await sendSlaAlerts(db, {
      now: new Date(Date.now() - 60_000),
      send: emailSender({ smtpUrl: h.mail.url }),
      appUrl: "http://app.test",
    });
    expect(before.sent).toBe(0); // not over its SLA yet
    const now = new Date(Date.now() + 5_000);
    const send = emailSender({ smtpUrl: h.mail.url });
    const first = await sendSlaAlerts(db, { now, send, appUrl: "http://app.test" });
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const again = await sendSlaAlerts(db, { now: new Date(now.getTime() + 60_000), send, appUrl: "http://app.test" });
    expect(again).toEqual({ sent: 0, failed: 0 });
    const mine = await db.select().from(adminNotifications).where(eq(adminNotifications.userId, admin.userId));
    expect(mine.filter((n) => n.dedupeKey === `sla:${late.order.id}`)).toHaveLength(1);
    await h.waitFor(async () => h.mail.messages.some((m) => m.raw.includes(late.order.id)), "SLA email");
    await new Promise((r) => setTimeout(r, 1_100)); // past the 1 s SLA in real time (the route reads the clock)
    const overlay = await callRoute(overlayGet, {
      token: admin.token,
      params: params(),
      path: `/api/v1/admin/workflows/${workflowId}/overlay?versionId=${v2!.id}`,
    });
    expect(
      (overlay.body.states as Array<{ state: string; overdue: number }>).find((s) => s.state === "ready_to_ship")!.overdue,
    ).toBeGreaterThanOrEqual(1);
    // The dashboard counts it too, under its workflow and state.
    const dash = await callRoute(dashboardGet, { token: admin.token });
    const sla = dash.body.overSla as { count: number; byState: Array<{ workflowId: number; state: string; count: number }> };
    const row = sla.byState.find((r) => r.workflowId === workflowId && r.state === "ready_to_ship");
    expect(row?.count).toBeGreaterThanOrEqual(1);
    expect(sla.count).toBe(sla.byState.reduce((n, r) => n + r.count, 0));
  });
});
