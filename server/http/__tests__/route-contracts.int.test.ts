/**
 * Representative real routes, called the way Next calls them, answer what their contract
 * declares: every body is parsed through the contract's response schema, and fields the schema
 * does not declare fail too (assertMatches). reply() checks the same in tests, so a drifting
 * handler would already answer 500; this also pins the status codes the contracts document.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET as healthGET } from "@/app/api/health/route";
import { GET as dashboardGET } from "@/app/api/v1/admin/dashboard/route";
import { GET as adminOrderGET } from "@/app/api/v1/admin/orders/[id]/route";
import { GET as adminOrdersGET } from "@/app/api/v1/admin/orders/route";
import { GET as programsGET } from "@/app/api/v1/admin/programs/route";
import { GET as workflowGET } from "@/app/api/v1/admin/workflows/[id]/route";
import { GET as workflowsGET } from "@/app/api/v1/admin/workflows/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as ordersGET } from "@/app/api/v1/orders/route";
import { GET as detailGET } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as createPOST } from "@/app/api/v1/subscriptions/route";
import { getDb } from "@/db/client";
import { createApiToken } from "@/server/auth/api-tokens";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { healthRoutes } from "@/server/health/health-routes.schema";
import { httpRoutes } from "@/server/http/http-routes.schema";
import { assertMatches, ResponseContractError } from "@/server/http/reply";
import type { RouteContract } from "@/server/http/route-contract";
import { orderRoutes } from "@/server/orders/order-routes.schema";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";
import { seedDefaultWorkflow } from "@/server/workflows/store/seed-default-workflow";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";
import { makeStaffToken } from "@/test/support/intake/intake-test-kit";
import { createInput, makeCustomer, makeProduct, startEventSink } from "@/test/support/subscriptions/factories";

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Response | Promise<Response>;

let sink: Awaited<ReturnType<typeof startEventSink>>;
let customerToken: string;
let adminToken: string;
beforeAll(async () => {
  sink = await startEventSink();
  const db = getDb();
  await seedDefaultWorkflow(db);
  const customer = await makeCustomer(db);
  customerToken = (await createApiToken(db, customer.user.id, "contracts", new Date())).token;
  adminToken = (await makeStaffToken(db, "admin")).token;
});
afterAll(() => sink.close());

/** Calls a handler and checks its answer against `contract` (status and body); returns the body. */
async function callAndCheck<P>(
  contract: RouteContract & { response: z.ZodType },
  handler: Handler<P>,
  opts: { token?: string; body?: unknown; params?: P; query?: string } = {},
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const req = new Request(`http://localhost${contract.path}${opts.query ?? ""}`, {
    method: contract.method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  const body = (await res.json()) as Record<string, unknown>;
  expect({ status: res.status, body }).toMatchObject({ status: contract.status ?? 200 });
  assertMatches(contract.response, body);
  return body;
}

describe("routes answer what their contracts declare", () => {
  it("customer: create a subscription, read it, list orders", async () => {
    const product = await makeProduct(getDb());
    const created = await callAndCheck(subscriptionRoutes.create, createPOST, { token: customerToken, body: createInput(product.id) });
    const id = (created.subscription as { id: string }).id;
    const detail = await callAndCheck(subscriptionRoutes.detail, detailGET, { token: customerToken, params: { id } });
    expect((detail.orders as unknown[]).length).toBe(1);
    await callAndCheck(orderRoutes.list, ordersGET, { token: customerToken, query: `?subscriptionId=${id}` });
  });

  it("staff: orders, one order's detail, workflows, the dashboard, programs", async () => {
    const product = await makeProduct(getDb());
    await callAndCheck(subscriptionRoutes.create, createPOST, { token: customerToken, body: createInput(product.id) });
    const list = await callAndCheck(workflowRoutes.orders, adminOrdersGET, { token: adminToken });
    const [first] = list.orders as Array<{ id: string }>;
    await callAndCheck(workflowRoutes.order, adminOrderGET, { token: adminToken, params: { id: first!.id } });
    const workflows = await callAndCheck(workflowRoutes.list, workflowsGET, { token: adminToken });
    const [workflow] = workflows.workflows as Array<{ id: number; draftUpdatedAt: unknown }>;
    expect(typeof workflow!.draftUpdatedAt).toBe("string");
    await callAndCheck(workflowRoutes.detail, workflowGET, { token: adminToken, params: { id: String(workflow!.id) } });
    await callAndCheck(workflowRoutes.dashboard, dashboardGET, { token: adminToken });
    await callAndCheck(programRoutes.list, programsGET, { token: adminToken });
  });

  it("public: health and the OpenAPI document, which lists the admin routes too", async () => {
    await callAndCheck(healthRoutes.health, () => healthGET());
    const doc = await callAndCheck(httpRoutes.openapi, () => openapiGET());
    expect(Object.keys(doc.paths as object)).toEqual(
      expect.arrayContaining(["/admin/workflows/{id}/publish", "/admin/intake/replay", "/subscriptions"]),
    );
  });

  it("a body that breaks its contract, or carries an undeclared field, is refused", async () => {
    const dashboard = await callAndCheck(workflowRoutes.dashboard, dashboardGET, { token: adminToken });
    expect(() => assertMatches(workflowRoutes.list.response, dashboard)).toThrow(ResponseContractError);
    expect(() => assertMatches(workflowRoutes.dashboard.response, { ...dashboard, secret: "x" })).toThrow(/secret/);
  });
});
