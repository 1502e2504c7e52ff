import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as dashboardGet } from "@/app/api/v1/admin/dashboard/route";
import { POST as eventsPost } from "@/app/api/v1/admin/orders/[id]/events/route";
import { GET as orderGet } from "@/app/api/v1/admin/orders/[id]/route";
import { POST as decidePost } from "@/app/api/v1/admin/review/[orderId]/route";
import { GET as reviewGet } from "@/app/api/v1/admin/review/route";
import { PUT as draftPut } from "@/app/api/v1/admin/workflows/[id]/draft/route";
import { GET as diffGet } from "@/app/api/v1/admin/workflows/[id]/diff/route";
import { POST as publishPost } from "@/app/api/v1/admin/workflows/[id]/publish/route";
import { POST as simulatePost } from "@/app/api/v1/admin/workflows/[id]/simulate/route";
import { GET as workflowGet } from "@/app/api/v1/admin/workflows/[id]/route";
import { GET as workflowsGet } from "@/app/api/v1/admin/workflows/route";
import { getDb } from "@/db/client";
import { defaultWorkflowDefinition, type WorkflowDefinition } from "../model";
import { seedDefaultWorkflow } from "../store/seed-default-workflow";
import { callRoute, makeStaff } from "@/test/support/workflows/api-client";
import { makeOrder, orderRow, stockOf, transitionsOf } from "@/test/support/workflows/order-factory";
import { startWorkflowHarness, type WorkflowHarness } from "@/test/support/workflows/workflow-harness";

const BIG = 60_000; // above the default APPROVAL_THRESHOLD_MINOR (50 000)

describe("manual review, the review API and version pinning", () => {
  let h: WorkflowHarness;
  let merch: { token: string; userId: string };
  let admin: { token: string; userId: string };
  let workflowId: number;
  beforeAll(async () => {
    h = await startWorkflowHarness();
    ({ workflowId } = await seedDefaultWorkflow(getDb()));
    merch = await makeStaff(getDb(), "merchandiser");
    admin = await makeStaff(getDb(), "admin");
  });
  afterAll(() => h.stopAll());
  afterEach(() => expect(h.executor.protocolIssues()).toEqual([]));

  const start = async (o: Parameters<typeof makeOrder>[1]) => {
    const made = await makeOrder(getDb(), o);
    await h.client.send({ name: "order/created", data: { orderId: made.order.id } });
    return made;
  };

  it("an order above the threshold waits in the review queue, is approved and ships", async () => {
    const db = getDb();
    const { order } = await start({ lines: [{ priceMinor: BIG }] });
    await h.waitForState(order.id, "manual_review");

    const queue = await callRoute(reviewGet, { token: merch.token });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ orderId: order.id, number: order.number, totalMinor: BIG, currency: "USD", state: "manual_review" }),
    ]);
    expect(await callRoute(orderGet, { token: merch.token, params: { id: order.id } })).toMatchObject({ status: 200 });

    const approve = await callRoute(decidePost, {
      token: merch.token,
      method: "POST",
      params: { orderId: order.id },
      body: { decision: "approve", note: "known customer" },
    });
    expect(approve).toEqual({ status: 200, body: { ok: true, state: "processing" } });
    // A second reviewer a moment later: conflict, nothing moves twice.
    const again = await callRoute(decidePost, { token: admin.token, method: "POST", params: { orderId: order.id }, body: { decision: "reject" } });
    expect(again.status).toBe(409);

    await h.waitForState(order.id, "ready_to_ship");
    const review = (await transitionsOf(db, order.id)).find((t) => t.fromState === "manual_review")!;
    expect(review).toMatchObject({
      toState: "processing",
      actorType: "user",
      actorId: merch.userId,
      data: expect.objectContaining({ via: "manual", edgeId: "t_review_approve", note: "known customer" }),
    });
    expect((await callRoute(reviewGet, { token: merch.token })).body.items).toEqual([]);

    const shipped = await callRoute(eventsPost, {
      token: merch.token,
      method: "POST",
      params: { id: order.id },
      body: { event: "order/shipped", data: { trackingNumber: "1Z999" } },
    });
    expect(shipped).toEqual({ status: 200, body: { ok: true, state: "shipped" } });
    expect((await orderRow(db, order.id)).state).toBe("shipped");
    const notAgain = await callRoute(eventsPost, { token: merch.token, method: "POST", params: { id: order.id }, body: { event: "order/shipped" } });
    expect(notAgain.status).toBe(409);

    const detail = await callRoute(orderGet, { token: merch.token, params: { id: order.id } });
    const timeline = detail.body.timeline as Array<{ action: string; toState: string | null; actorEmail: string | null }>;
    expect(timeline.filter((t) => t.action === "transition").map((t) => t.toState)).toEqual([
      "validation",
      "manual_review",
      "processing",
      "ready_to_ship",
      "shipped",
    ]);
    expect(timeline.find((t) => t.toState === "processing")?.actorEmail).toMatch(/^merchandiser-/);
  });

  it("a rejected order ends Rejected and gives its stock back", async () => {
    const { order, products } = await start({ lines: [{ priceMinor: BIG, reserved: 1, stock: 3 }] });
    await h.waitForState(order.id, "manual_review");
    const reject = await callRoute(decidePost, { token: admin.token, method: "POST", params: { orderId: order.id }, body: { decision: "reject" } });
    expect(reject.body).toEqual({ ok: true, state: "rejected" });
    await h.waitFor(async () => (await stockOf(getDb(), products[0]!.id)).reserved === 0, "stock released");
  });

  it("customers cannot review; deciding an order that is not in review is a conflict", async () => {
    const customer = await makeStaff(getDb(), "customer");
    expect((await callRoute(reviewGet, { token: customer.token })).status).toBe(403);
    const { order } = await start({ lines: [{ priceMinor: 1_000 }] });
    await h.waitForState(order.id, "ready_to_ship");
    expect(
      (await callRoute(decidePost, { token: admin.token, method: "POST", params: { orderId: order.id }, body: { decision: "approve" } })).status,
    ).toBe(409);
    expect(
      (await callRoute(decidePost, { token: admin.token, method: "POST", params: { orderId: "nope" }, body: { decision: "approve" } })).status,
    ).toBe(404);
  });

  it("publishing v2 leaves in-flight orders on v1; new orders start on v2", async () => {
    const db = getDb();
    const { order: old } = await start({ lines: [{ priceMinor: BIG }] });
    await h.waitForState(old.id, "manual_review");
    const v1 = (await orderRow(db, old.id)).workflowVersionId;

    // v2 raises the approval threshold, so the same amount no longer needs review.
    const v2def: WorkflowDefinition = defaultWorkflowDefinition({ approvalThresholdMinor: 100_000 });
    const saved = await callRoute(draftPut, { token: admin.token, method: "PUT", params: { id: String(workflowId) }, body: { definition: v2def } });
    expect(saved.status).toBe(200);
    expect(saved.body.problems).toEqual([]);
    const diff = await callRoute(diffGet, { token: admin.token, params: { id: String(workflowId) } });
    expect((diff.body.transitions as { changed: Array<{ id: string }> }).changed.map((c) => c.id)).toEqual(["t_validation_review"]);
    const published = await callRoute(publishPost, { token: admin.token, method: "POST", params: { id: String(workflowId) } });
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(2);

    const { order: fresh } = await start({ lines: [{ priceMinor: BIG }] });
    await h.waitForState(fresh.id, "ready_to_ship");
    expect((await orderRow(db, fresh.id)).workflowVersionId).toBe(published.body.versionId);
    expect(await orderRow(db, old.id)).toMatchObject({ state: "manual_review", workflowVersionId: v1 });

    const wf = await callRoute(workflowGet, { token: admin.token, params: { id: String(workflowId) } });
    expect(wf.body.live).toMatchObject({ version: 2 });
    const versions = wf.body.versions as Array<{ version: number; inFlight: number }>;
    expect(versions.find((v) => v.version === 1)!.inFlight).toBeGreaterThanOrEqual(1);
    const list = await callRoute(workflowsGet, { token: admin.token });
    expect(list.body.workflows).toEqual([expect.objectContaining({ id: workflowId, name: "default", liveVersion: 2 })]);
    const dash = await callRoute(dashboardGet, { token: merch.token });
    expect(dash.body.inFlightByVersion).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ workflow: "default", version: 1, count: expect.any(Number) }),
        expect.objectContaining({ workflow: "default", version: 2, count: 1 }),
      ]),
    );

    // The old order still follows v1 when approved (its audit rows name v1).
    await callRoute(decidePost, { token: merch.token, method: "POST", params: { orderId: old.id }, body: { decision: "approve" } });
    await h.waitForState(old.id, "ready_to_ship");
    const last = (await transitionsOf(db, old.id)).at(-1)!;
    expect(last.data).toMatchObject({ versionId: v1 });
  });

  it("simulate runs a definition on given facts or on the last N real orders' facts", async () => {
    const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
    const id = String(workflowId);
    const one = await callRoute(simulatePost, {
      token: admin.token,
      method: "POST",
      params: { id },
      body: { definition: def, facts: { total: 70_000 } },
    });
    expect(one.status).toBe(200);
    expect(one.body.results).toEqual([
      expect.objectContaining({
        facts: expect.objectContaining({ total: 70_000 }),
        stop: expect.objectContaining({ reason: "awaiting_manual", state: "manual_review" }),
      }),
    ]);
    const failing = await callRoute(simulatePost, {
      token: admin.token,
      method: "POST",
      params: { id },
      body: { definition: def, outcomes: { a_authorize_payment: "fail" } },
    });
    expect((failing.body.results as Array<{ stop: { state: string } }>)[0]!.stop.state).toBe("payment_failed");
    const recent = await callRoute(simulatePost, { token: admin.token, method: "POST", params: { id }, body: { definition: def, lastN: 3 } });
    const rows = recent.body.results as Array<{ orderId: string; orderNumber: number; facts: { total: number; country: string } }>;
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ orderId: expect.any(String), orderNumber: expect.any(Number), facts: { country: "US" } });
    const bad = await callRoute(simulatePost, { token: admin.token, method: "POST", params: { id }, body: { definition: def, lastN: 500 } });
    expect(bad.status).toBe(422);
  });

  it("publish refuses a draft with errors (422 with problems) and keeps it saved", async () => {
    const broken: WorkflowDefinition = { ...defaultWorkflowDefinition({ approvalThresholdMinor: 1 }), transitions: [] };
    const saved = await callRoute(draftPut, { token: admin.token, method: "PUT", params: { id: String(workflowId) }, body: { definition: broken } });
    expect(saved.status).toBe(200);
    expect((saved.body.problems as Array<{ code: string }>).map((p) => p.code)).toContain("dead_end_state");
    const refused = await callRoute(publishPost, { token: admin.token, method: "POST", params: { id: String(workflowId) } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      error: { code: "VALIDATION" },
      problems: expect.arrayContaining([expect.objectContaining({ code: "dead_end_state" })]),
    });
    const malformed = await callRoute(draftPut, {
      token: admin.token,
      method: "PUT",
      params: { id: String(workflowId) },
      body: { definition: { states: "x" } },
    });
    expect(malformed.status).toBe(422);
    expect((malformed.body.error as { fields: Record<string, string> }).fields).toHaveProperty("definition.schemaVersion");
  });
});
