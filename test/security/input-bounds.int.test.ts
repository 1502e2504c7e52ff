import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as aliasDELETE } from "@/app/api/v1/admin/intake/aliases/[id]/route";
import { GET as adminOrderGET } from "@/app/api/v1/admin/orders/[id]/route";
import { POST as editorPreviewPOST } from "@/app/api/v1/admin/programs/[id]/preview/route";
import { GET as workbenchListGET } from "@/app/api/v1/admin/programs/[id]/subscriptions/route";
import { GET as workbenchJobGET } from "@/app/api/v1/admin/programs/[id]/workbench/jobs/[jobId]/route";
import { POST as reviewPOST } from "@/app/api/v1/admin/review/[orderId]/route";
import { GET as workflowDiffGET } from "@/app/api/v1/admin/workflows/[id]/diff/route";
import { PUT as workflowDraftPUT } from "@/app/api/v1/admin/workflows/[id]/draft/route";
import { POST as workflowPublishPOST } from "@/app/api/v1/admin/workflows/[id]/publish/route";
import { GET as workflowGET } from "@/app/api/v1/admin/workflows/[id]/route";
import { POST as workflowSimulatePOST } from "@/app/api/v1/admin/workflows/[id]/simulate/route";
import { POST as notificationReadPOST } from "@/app/api/v1/notifications/[id]/read/route";
import { GET as orderGET } from "@/app/api/v1/orders/[id]/route";
import { POST as joinPOST } from "@/app/api/v1/programs/[id]/join/route";
import { GET as programGET } from "@/app/api/v1/programs/[id]/route";
import { POST as enrollmentCancelPOST } from "@/app/api/v1/programs/enrollments/[subscriptionId]/cancel/route";
import { POST as previewPOST } from "@/app/api/v1/schedules/preview/route";
import { POST as pausePOST } from "@/app/api/v1/subscriptions/[id]/pause/route";
import { POST as reschedulePOST } from "@/app/api/v1/subscriptions/[id]/reschedule/route";
import { GET as subscriptionGET } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as createPOST } from "@/app/api/v1/subscriptions/route";
import { DELETE as tokenDELETE } from "@/app/api/v1/tokens/[id]/route";
import { POST as tokensPOST } from "@/app/api/v1/tokens/route";
import { GET as adminOrdersGET } from "@/app/api/v1/admin/orders/route";
import { getDb } from "@/db/client";
import { createProgram } from "@/server/continuity/create-program";
import { canonicalOrderSchema } from "@/server/intake/adapters/canonical-order";
import { makeProduct, startEventSink } from "@/test/support/subscriptions/factories";
import { allRowCounts, call, tokenFor } from "./security-test-kit";

/**
 * Finding 5 of the review (#17): bad input must be a 422 naming the field, or a 404 for an
 * id that cannot name anything — never a 500, never a row written. Each case here was a 500
 * (or an accepted year-9999 date that then broke the subscription page) before the fix.
 */

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

const INT4_OVERFLOW = "2147483648";
const nextYear = () => String(new Date().getUTCFullYear() + 1);

describe("dates are bounded to one sane range at every edge", () => {
  it.each(["9999-12-31", "0000-01-01", "0001-01-01", "1899-06-01"])(
    "creating a subscription starting %s is a 422 on startDate and writes nothing",
    async (startDate) => {
      const db = getDb();
      const { token } = await tokenFor(db, "customer");
      const product = await makeProduct(db);
      const before = await allRowCounts(db);
      const res = await call(createPOST, token, { body: { productId: product.id, quantity: 1, frequency: "monthly", startDate } });
      expect(res.status).toBe(422);
      expect(Object.keys(res.json.error?.fields ?? {})).toEqual(["startDate"]);
      expect(await allRowCounts(db)).toEqual(before);
    },
  );

  it("an end date in year 9999 is a 422 on end.endDate (create and preview)", async () => {
    const db = getDb();
    const { token } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const body = {
      productId: product.id,
      quantity: 1,
      frequency: "monthly",
      startDate: `${nextYear()}-01-31`,
      end: { kind: "on_date", endDate: "9999-12-31" },
    };
    const created = await call(createPOST, token, { body });
    expect(created.status).toBe(422);
    expect(created.json.error?.fields).toHaveProperty(["end.endDate"]);
    const preview = await call(previewPOST, token, { body: { ...body, timeZone: "UTC" } });
    expect(preview.status).toBe(422);
    expect(preview.json.error?.fields).toHaveProperty(["end.endDate"]);
  });

  it("reschedule and pause-until refuse year 9999 with the field named", async () => {
    const db = getDb();
    const { token } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const created = await call(createPOST, token, {
      body: { productId: product.id, quantity: 1, frequency: "monthly", startDate: `${nextYear()}-03-15` },
    });
    expect(created.status).toBe(201);
    const params = { id: (created.json.subscription as { id: string }).id };
    const before = await allRowCounts(db);
    const moved = await call(reschedulePOST, token, { params, body: { localDate: "9999-12-31" } });
    expect(moved.status).toBe(422);
    expect(moved.json.error?.fields).toHaveProperty("localDate");
    const paused = await call(pausePOST, token, { params, body: { until: "9999-12-31" } });
    expect(paused.status).toBe(422);
    expect(paused.json.error?.fields).toHaveProperty("until");
    expect(await allRowCounts(db)).toEqual(before);
    // …and the subscription page still renders.
    expect((await call(subscriptionGET, token, { params })).status).toBe(200);
  });

  it("the program editor's preview refuses a year-9999 join date on joinDate", async () => {
    const db = getDb();
    const staff = await tokenFor(db, "merchandiser");
    const { id } = await createProgram(db, staff.userId, { name: "Club", description: "", sku: `CLUB-${Date.now()}`, priceMinor: 1000 });
    const draft = {
      type: "regular",
      startRule: "first_event",
      seriesStartDate: null,
      period: "monthly",
      maxChildOrders: null,
      leadDays: 3,
      payment: { schedule: "per_shipment" },
      versions: [{ id: "A", series: [] }],
      defaultVersionId: "A",
      assignmentRules: [],
    };
    const res = await call(editorPreviewPOST, staff.token, { params: { id }, body: { draft, substitutions: [], joinDate: "9999-12-31" } });
    expect(res.status).toBe(422);
    expect(res.json.error?.fields).toHaveProperty("joinDate");
    const farStart = await call(editorPreviewPOST, staff.token, {
      params: { id },
      body: { draft: { ...draft, seriesStartDate: "0001-01-01" }, substitutions: [], joinDate: "2027-01-01" },
    });
    expect(farStart.status).toBe(422);
    expect(farStart.json.error?.fields).toHaveProperty(["draft.seriesStartDate"]);
  });

  it("a channel order placed in year 9999 is an issue on placedAt (dead letter), not a stored order", () => {
    const parsed = canonicalOrderSchema.safeParse({ placedAt: "9999-12-31T00:00:00Z" });
    expect(parsed.success).toBe(false);
    const placedAt = parsed.error!.issues.filter((i) => i.path[0] === "placedAt");
    expect(placedAt.map((i) => i.message)).toEqual(["Enter a date between 2000-01-01 and 2099-12-31"]);
  });
});

describe("path ids that cannot name a resource are a 404", () => {
  it("a non-UUID program id on join (and on the program page) is a 404 and writes nothing", async () => {
    const db = getDb();
    const { token } = await tokenFor(db, "customer");
    const before = await allRowCounts(db);
    for (const id of ["not-a-uuid", "1", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g"]) {
      expect((await call(joinPOST, token, { params: { id }, rawBody: "" })).status, id).toBe(404);
      expect((await call(programGET, token, { params: { id } })).status, id).toBe(404);
    }
    expect(await allRowCounts(db)).toEqual(before);
  });

  it("admin workflow ids above int4, or not plain digits, are a 404 on every workflow route", async () => {
    const { token } = await tokenFor(getDb(), "admin");
    for (const id of [INT4_OVERFLOW, "99999999999999999999", "1e3", "-1", "0", " 7", "0x10", "1.5"]) {
      expect((await call(workflowGET, token, { params: { id } })).status, id).toBe(404);
      expect((await call(workflowDiffGET, token, { params: { id } })).status, id).toBe(404);
      expect((await call(workflowDraftPUT, token, { method: "PUT", params: { id }, body: { definition: {} } })).status, id).toBe(404);
      expect((await call(workflowPublishPOST, token, { params: { id }, rawBody: "" })).status, id).toBe(404);
      expect((await call(workflowSimulatePOST, token, { params: { id }, body: {} })).status, id).toBe(404);
    }
  });

  it("a SKU alias id above int4 is a 404", async () => {
    const { token } = await tokenFor(getDb(), "admin");
    for (const id of [INT4_OVERFLOW, "9".repeat(30), "1e3"]) {
      expect((await call(aliasDELETE, token, { method: "DELETE", params: { id } })).status, id).toBe(404);
    }
  });

  it("non-UUID ids on customer and admin routes are a 404, not a PostgreSQL error", async () => {
    const db = getDb();
    const customer = await tokenFor(db, "customer");
    const admin = await tokenFor(db, "admin");
    const bad = "x\u0000y";
    const cases: Array<[string, Promise<{ status: number }>]> = [
      ["subscription", call(subscriptionGET, customer.token, { params: { id: bad } })],
      ["order", call(orderGET, customer.token, { params: { id: "12" } })],
      ["notification", call(notificationReadPOST, customer.token, { params: { id: "12" }, rawBody: "" })],
      ["token", call(tokenDELETE, customer.token, { method: "DELETE", params: { id: "12" } })],
      ["enrollment", call(enrollmentCancelPOST, customer.token, { params: { subscriptionId: "nope" }, rawBody: "" })],
      ["admin order", call(adminOrderGET, admin.token, { params: { id: "12" } })],
      ["review", call(reviewPOST, admin.token, { params: { orderId: "12" }, body: { decision: "approve" } })],
      ["workbench job", call(workbenchJobGET, admin.token, { params: { id: "00000000-0000-4000-8000-000000000000", jobId: INT4_OVERFLOW } })],
    ];
    for (const [what, reply] of cases) expect((await reply).status, what).toBe(404);
  });
});

describe("workbench filters reach SQL only when valid", () => {
  async function list(query: string) {
    const db = getDb();
    const staff = await tokenFor(db, "admin");
    const { id } = await createProgram(db, staff.userId, {
      name: "Club",
      description: "",
      sku: `WB-${Math.random().toString(36).slice(2, 10)}`,
      priceMinor: 1000,
    });
    return call(workbenchListGET, staff.token, { params: { id }, path: `/api/v1/admin/programs/${id}/subscriptions?${query}` });
  }

  it.each([
    ["revision", `revision=${INT4_OVERFLOW}`],
    ["joinedAfter", "joinedAfter=2027-13-45"],
    ["joinedBefore", "joinedBefore=9999-12-31"],
    ["versionId", "versionId=A%00B"],
  ])("a bad %s is a 422 naming it", async (field, query) => {
    const res = await list(query);
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.error?.fields ?? {})).toEqual([field]);
  });

  it("valid filters still answer", async () => {
    const res = await list("revision=1&joinedAfter=2026-01-01&joinedBefore=2026-12-31&versionId=A");
    expect(res.status).toBe(200);
    expect(res.json.rows).toEqual([]);
  });
});

describe("a NUL character is refused at the edge with its field named", () => {
  it("in a body (nested too) and in a query string, with nothing written", async () => {
    const db = getDb();
    const customer = await tokenFor(db, "customer");
    const admin = await tokenFor(db, "admin");
    const before = await allRowCounts(db);
    const token = await call(tokensPOST, customer.token, { body: { name: "cli\u0000" } });
    expect(token.status).toBe(422);
    expect(Object.keys(token.json.error?.fields ?? {})).toEqual(["name"]);
    const orders = await call(adminOrdersGET, admin.token, { path: "/api/v1/admin/orders?state=created%00" });
    expect(orders.status).toBe(422);
    expect(Object.keys(orders.json.error?.fields ?? {})).toEqual(["state"]);
    expect(await allRowCounts(db)).toEqual(before);
  });
});
