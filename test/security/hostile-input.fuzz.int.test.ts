import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as aliasDELETE } from "@/app/api/v1/admin/intake/aliases/[id]/route";
import { POST as aliasPOST } from "@/app/api/v1/admin/intake/aliases/route";
import { PUT as payloadBodyPUT } from "@/app/api/v1/admin/intake/payloads/[id]/body/route";
import { POST as replayPOST } from "@/app/api/v1/admin/intake/replay/route";
import { PUT as settingsPUT } from "@/app/api/v1/admin/intake/settings/[channel]/route";
import { POST as orderEventPOST } from "@/app/api/v1/admin/orders/[id]/events/route";
import { POST as activatePOST } from "@/app/api/v1/admin/programs/[id]/activate/route";
import { POST as duplicatePOST } from "@/app/api/v1/admin/programs/[id]/duplicate/route";
import { POST as editorPreviewPOST } from "@/app/api/v1/admin/programs/[id]/preview/route";
import { PUT as programPUT } from "@/app/api/v1/admin/programs/[id]/route";
import { POST as workbenchJobsPOST } from "@/app/api/v1/admin/programs/[id]/workbench/jobs/route";
import { POST as workbenchPreviewPOST } from "@/app/api/v1/admin/programs/[id]/workbench/preview/route";
import { POST as phantomPOST } from "@/app/api/v1/admin/programs/products/route";
import { POST as programsPOST } from "@/app/api/v1/admin/programs/route";
import { POST as reviewPOST } from "@/app/api/v1/admin/review/[orderId]/route";
import { PUT as draftPUT } from "@/app/api/v1/admin/workflows/[id]/draft/route";
import { POST as publishPOST } from "@/app/api/v1/admin/workflows/[id]/publish/route";
import { POST as simulatePOST } from "@/app/api/v1/admin/workflows/[id]/simulate/route";
import { POST as notificationReadPOST } from "@/app/api/v1/notifications/[id]/read/route";
import { POST as readAllPOST } from "@/app/api/v1/notifications/read-all/route";
import { POST as joinPOST } from "@/app/api/v1/programs/[id]/join/route";
import { POST as enrollmentCancelPOST } from "@/app/api/v1/programs/enrollments/[subscriptionId]/cancel/route";
import { DELETE as optInDELETE, POST as optOutPOST } from "@/app/api/v1/programs/enrollments/[subscriptionId]/opt-outs/route";
import { POST as previewPOST } from "@/app/api/v1/schedules/preview/route";
import { POST as signupPOST } from "@/app/api/v1/signup/route";
import { POST as cancelPOST } from "@/app/api/v1/subscriptions/[id]/cancel/route";
import { POST as orderNowPOST } from "@/app/api/v1/subscriptions/[id]/order-now/route";
import { POST as pausePOST } from "@/app/api/v1/subscriptions/[id]/pause/route";
import { POST as reschedulePOST } from "@/app/api/v1/subscriptions/[id]/reschedule/route";
import { POST as resumePOST } from "@/app/api/v1/subscriptions/[id]/resume/route";
import { PATCH as changePATCH } from "@/app/api/v1/subscriptions/[id]/route";
import { POST as skipPOST } from "@/app/api/v1/subscriptions/[id]/skip/route";
import { POST as unskipPOST } from "@/app/api/v1/subscriptions/[id]/unskip/route";
import { POST as createPOST } from "@/app/api/v1/subscriptions/route";
import { DELETE as tokenDELETE } from "@/app/api/v1/tokens/[id]/route";
import { POST as tokensPOST } from "@/app/api/v1/tokens/route";
import { getDb } from "@/db/client";
import { makeActiveProgram, makeCatalog } from "@/test/support/continuity/factories";
import type { DraftDefinition } from "@/server/continuity/program-definition";
import { makeProduct, startEventSink } from "@/test/support/subscriptions/factories";
import { defaultWorkflowDefinition } from "@/server/workflows/model/default-workflow";
import { seedDefaultWorkflow } from "@/server/workflows/store/seed-default-workflow";
import { makeOrder } from "@/test/support/workflows/order-factory";
import { allRowCounts, call, type Handler, tokenFor } from "./security-test-kit";

/**
 * Property-based fuzz of every mutating v1 endpoint (#17, finding 5): a valid request of each
 * endpoint with some of its fields — or its path id, or its whole body — replaced by hostile
 * values (NUL, lone surrogates, a 1 MB string, ±2^53, int4 overflow, NaN-ish strings, dates in
 * year 0 or 9999…). Properties: never a 5xx, and a refusal (4xx) leaves every table's row
 * count unchanged (no partial write). Real handlers, real tokens, real PostgreSQL.
 * Bounded: RUNS cases per endpoint, one fixed seed (FUZZ_SEED to replay another); fast-check
 * prints the seed and the shrunk counterexample on failure.
 * Not here: /api/intake/* stores rejected payloads by design (dead letters; its own suites).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 17_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 16);

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

const MEGABYTE = "x".repeat(1 << 20);
const hostileScalar = fc.oneof(
  fc.constantFrom<unknown>(
    "\u0000",
    "a\u0000b",
    "\uD800",
    "x\uDFFF",
    "\uFFFF",
    MEGABYTE,
    "",
    " ",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "9999-12-31",
    "0000-01-01",
    "0001-01-01",
    "2027-02-30",
    "2027-13-01",
    "+275760-09-13",
    "9999-12-31T23:59:59Z",
    "0000-01-01T00:00:00Z",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e309",
    "2147483648",
    "-2147483649",
    "9007199254740993",
    "0x10",
    "00000000-0000-0000-0000-000000000000",
    2 ** 53,
    -(2 ** 53),
    2 ** 53 + 2,
    2 ** 31,
    -(2 ** 31) - 1,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    -0,
    0.5,
    -1,
    true,
    false,
    null,
    [],
    {},
    ["\u0000"],
    { "\u0000": 1 },
  ),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const hostileId = fc.constantFrom(
  "not-a-uuid",
  "2147483648",
  "99999999999999999999",
  "\u0000",
  "1e3",
  "-1",
  "0",
  "",
  "x".repeat(10_000),
  "\uD800",
  "00000000-0000-0000-0000-00000000000g",
);

type Json = unknown;
/** Every path to a value inside `v` (objects and arrays), the root excluded. */
function pathsOf(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(v)) return v.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, item]) => [[...prefix, k], ...pathsOf(item, [...prefix, k])]);
  return [];
}
function setAt(v: Json, path: (string | number)[], value: unknown): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, value);
  return copy;
}

type Target = {
  name: string;
  handler: Handler<Record<string, string>>;
  method: string;
  token: () => string | null;
  params?: () => Record<string, string>;
  body?: () => Json;
};

/**
 * Hostile twins of a valid value, so a mutation passes every other check and reaches the
 * deep code (SQL, schedule math) with one bad part: a valid name plus a NUL, a real-looking
 * date in year 9999, the field's number pushed past int4 or 2^53.
 */
function twinsOf(valid: unknown): unknown[] {
  if (typeof valid === "string") {
    return [
      `${valid}\u0000`,
      `a\u0000${valid}`,
      `${valid}\uD800`,
      valid.padEnd(1 << 20, "x"),
      "9999-12-31",
      "0000-01-01",
      `${valid}\u0000`,
      "2027-02-30",
      "2147483648",
      `\uDC00${valid}`,
      "NaN",
      "",
    ];
  }
  if (typeof valid === "number") return [2 ** 31, -(2 ** 31) - 1, 2 ** 53, -(2 ** 53), 1e308, 0.5, -1, -0, "NaN", String(valid), `${valid}\u0000`];
  return [null, "\u0000", [], {}, [null], MEGABYTE];
}

/** A request for `target`: its valid body with some fields made hostile, or a hostile id/body. */
function requestFor(target: Target) {
  const template = target.body?.() ?? {};
  const paths = pathsOf(template);
  const at = (v: Json, path: (string | number)[]): unknown => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], v);
  // Mostly twins (they get past the other checks); sometimes any hostile value at all.
  const mutation = fc.tuple(
    fc.nat(),
    fc.nat({ max: 11 }),
    fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
    hostileScalar,
  );
  const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 }).map((list) =>
    list.reduce<Json>((body, [i, k, twin, value]) => {
      if (paths.length === 0) return body;
      const path = paths[i % paths.length]!;
      const twins = twinsOf(at(template, path));
      return setAt(body, path, twin ? twins[k % twins.length] : value);
    }, template),
  );
  const body = fc.oneof(
    { weight: 8, arbitrary: mutations.map((b) => ({ body: b })) },
    { weight: 1, arbitrary: hostileScalar.map((b) => ({ body: b })) },
    { weight: 1, arbitrary: fc.constantFrom("{", "\u0000", "[1,", '{"a":1}}', MEGABYTE).map((rawBody) => ({ rawBody })) },
  );
  const params = target.params
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constant(target.params()) },
        { weight: 1, arbitrary: hostileId.map((id) => mapValues(target.params!(), id)) },
      )
    : fc.constant({});
  return fc.record({ input: body, params });
}
const mapValues = (o: Record<string, string>, v: string) => Object.fromEntries(Object.keys(o).map((k) => [k, v]));

const fixtures = {} as {
  customer: string;
  admin: string;
  subscriptionId: string;
  productId: string;
  programId: string;
  enrollmentId: string;
  workflowId: number;
  orderId: string;
  tokenId: string;
};
const nextYear = new Date().getUTCFullYear() + 1;
const simpleDraft = (ids: Record<string, string>): DraftDefinition => ({
  type: "regular",
  startRule: "first_event",
  seriesStartDate: null,
  period: "monthly",
  maxChildOrders: null,
  leadDays: 3,
  payment: { schedule: "per_shipment" },
  versions: [{ id: "A", series: [1, 2, 3].map((n) => ({ eventNumber: n, productId: ids[`E${n}`]!, repeat: 1 })) }],
  defaultVersionId: "A",
  assignmentRules: [],
});

beforeAll(async () => {
  const db = getDb();
  const customer = await tokenFor(db, "customer");
  const admin = await tokenFor(db, "admin");
  const product = await makeProduct(db);
  const created = await call(createPOST as never, customer.token, {
    body: { productId: product.id, quantity: 1, frequency: "monthly", startDate: `${nextYear}-03-15` },
  });
  expect(created.status).toBe(201);
  const catalog = await makeCatalog(db);
  const { programId } = await makeActiveProgram(db, simpleDraft(catalog));
  const joined = await call(joinPOST as never, customer.token, { params: { id: programId }, rawBody: "" });
  expect(joined.status).toBeLessThan(300);
  const { workflowId } = await seedDefaultWorkflow(db);
  const { order } = await makeOrder(db);
  const token = await call(tokensPOST as never, customer.token, { body: { name: "fuzz" } });
  Object.assign(fixtures, {
    customer: customer.token,
    admin: admin.token,
    subscriptionId: (created.json.subscription as { id: string }).id,
    productId: product.id,
    programId,
    enrollmentId: (joined.json as { subscriptionId: string }).subscriptionId,
    workflowId,
    orderId: order.id,
    tokenId: (token.json as { apiToken: { id: string } }).apiToken.id,
  });
});

const customer = () => fixtures.customer;
const admin = () => fixtures.admin;
const sub = () => ({ id: fixtures.subscriptionId });
const program = () => ({ id: fixtures.programId });
const wf = () => ({ id: String(fixtures.workflowId) });
const draft = () => ({
  type: "regular",
  startRule: "first_event",
  seriesStartDate: "2027-01-01",
  period: "monthly",
  maxChildOrders: 3,
  leadDays: 3,
  payment: { schedule: "installments", installments: 2 },
  versions: [{ id: "A", series: [{ eventNumber: 1, productId: fixtures.productId, repeat: 1 }] }],
  defaultVersionId: "A",
  assignmentRules: [{ when: { attribute: "tier", equals: "gold" }, versionId: "A" }],
});
const substitution = () => [{ phantomProductId: fixtures.productId, substituteProductId: fixtures.productId, from: "2027-01-01", to: "2027-01-31" }];

const targets: Target[] = [
  {
    name: "POST /signup",
    handler: signupPOST as never,
    method: "POST",
    token: () => null,
    body: () => ({
      name: "Fuzz",
      email: `fuzz-${Math.random().toString(36).slice(2)}@example.test`,
      password: "long-enough-password",
      timeZone: "Europe/Berlin",
    }),
  },
  {
    name: "POST /subscriptions",
    handler: createPOST as never,
    method: "POST",
    token: customer,
    body: () => ({
      productId: fixtures.productId,
      quantity: 2,
      frequency: "monthly",
      startDate: `${nextYear}-01-31`,
      localTime: "09:00",
      timeZone: "America/New_York",
      end: { kind: "on_date", endDate: `${nextYear + 1}-01-31` },
    }),
  },
  {
    name: "POST /schedules/preview",
    handler: previewPOST as never,
    method: "POST",
    token: customer,
    body: () => ({
      frequency: "weekly",
      startDate: `${nextYear}-01-31`,
      timeZone: "UTC",
      localTime: "23:59",
      count: 100,
      end: { kind: "after_cycles", cycles: 10 },
    }),
  },
  {
    name: "PATCH /subscriptions/:id",
    handler: changePATCH as never,
    method: "PATCH",
    token: customer,
    params: sub,
    body: () => ({ frequency: "monthly", quantity: 2 }),
  },
  {
    name: "POST /subscriptions/:id/pause",
    handler: pausePOST as never,
    method: "POST",
    token: customer,
    params: sub,
    body: () => ({ until: `${nextYear}-06-01` }),
  },
  { name: "POST /subscriptions/:id/resume", handler: resumePOST as never, method: "POST", token: customer, params: sub },
  { name: "POST /subscriptions/:id/skip", handler: skipPOST as never, method: "POST", token: customer, params: sub },
  {
    name: "POST /subscriptions/:id/unskip",
    handler: unskipPOST as never,
    method: "POST",
    token: customer,
    params: sub,
    body: () => ({ cycleIndex: 1 }),
  },
  {
    name: "POST /subscriptions/:id/reschedule",
    handler: reschedulePOST as never,
    method: "POST",
    token: customer,
    params: sub,
    body: () => ({ localDate: `${nextYear}-03-20` }),
  },
  { name: "POST /subscriptions/:id/order-now", handler: orderNowPOST as never, method: "POST", token: customer, params: sub },
  {
    name: "POST /subscriptions/:id/cancel",
    handler: cancelPOST as never,
    method: "POST",
    token: customer,
    params: sub,
    body: () => ({ reason: "too much coffee" }),
  },
  { name: "POST /tokens", handler: tokensPOST as never, method: "POST", token: customer, body: () => ({ name: "cli" }) },
  { name: "DELETE /tokens/:id", handler: tokenDELETE as never, method: "DELETE", token: customer, params: () => ({ id: fixtures.tokenId }) },
  {
    name: "POST /notifications/:id/read",
    handler: notificationReadPOST as never,
    method: "POST",
    token: customer,
    params: () => ({ id: fixtures.subscriptionId }),
  },
  { name: "POST /notifications/read-all", handler: readAllPOST as never, method: "POST", token: customer },
  { name: "POST /programs/:id/join", handler: joinPOST as never, method: "POST", token: customer, params: program },
  {
    name: "POST /programs/enrollments/:id/opt-outs",
    handler: optOutPOST as never,
    method: "POST",
    token: customer,
    params: () => ({ subscriptionId: fixtures.enrollmentId }),
    body: () => ({ shipmentIndex: 2 }),
  },
  {
    name: "DELETE /programs/enrollments/:id/opt-outs",
    handler: optInDELETE as never,
    method: "DELETE",
    token: customer,
    params: () => ({ subscriptionId: fixtures.enrollmentId }),
    body: () => ({ shipmentIndex: 2 }),
  },
  {
    name: "POST /programs/enrollments/:id/cancel",
    handler: enrollmentCancelPOST as never,
    method: "POST",
    token: customer,
    params: () => ({ subscriptionId: fixtures.enrollmentId }),
  },
  {
    name: "POST /admin/intake/aliases",
    handler: aliasPOST as never,
    method: "POST",
    token: admin,
    body: () => ({ channel: "shopify", fromSku: "OLD-1", toSku: "NEW-1" }),
  },
  { name: "DELETE /admin/intake/aliases/:id", handler: aliasDELETE as never, method: "DELETE", token: admin, params: () => ({ id: "1" }) },
  {
    name: "PUT /admin/intake/payloads/:id/body",
    handler: payloadBodyPUT as never,
    method: "PUT",
    token: admin,
    params: () => ({ id: fixtures.orderId }),
    body: () => ({ body: '{"a":1}' }),
  },
  { name: "POST /admin/intake/replay", handler: replayPOST as never, method: "POST", token: admin, body: () => ({ ids: [fixtures.orderId] }) },
  {
    name: "PUT /admin/intake/settings/:channel",
    handler: settingsPUT as never,
    method: "PUT",
    token: admin,
    params: () => ({ channel: "shopify" }),
    body: () => ({ totalsMode: "strict", customerMode: "lenient", testOrders: "ignore" }),
  },
  {
    name: "POST /admin/orders/:id/events",
    handler: orderEventPOST as never,
    method: "POST",
    token: admin,
    params: () => ({ id: fixtures.orderId }),
    body: () => ({ event: "order/shipped", data: { carrier: "UPS" } }),
  },
  {
    name: "POST /admin/review/:orderId",
    handler: reviewPOST as never,
    method: "POST",
    token: admin,
    params: () => ({ orderId: fixtures.orderId }),
    body: () => ({ decision: "approve", note: "ok" }),
  },
  {
    name: "POST /admin/programs",
    handler: programsPOST as never,
    method: "POST",
    token: admin,
    body: () => ({ name: "Club", description: "d", sku: `FZ-${Math.random().toString(36).slice(2, 8)}`, priceMinor: 1500 }),
  },
  {
    name: "POST /admin/programs/products",
    handler: phantomPOST as never,
    method: "POST",
    token: admin,
    body: () => ({ name: "Placeholder", sku: `PH-${Math.random().toString(36).slice(2, 8)}` }),
  },
  {
    name: "PUT /admin/programs/:id",
    handler: programPUT as never,
    method: "PUT",
    token: admin,
    params: program,
    body: () => ({ name: "Club", description: "", priceMinor: 1500, draft: draft(), substitutions: substitution() }),
  },
  {
    name: "POST /admin/programs/:id/duplicate",
    handler: duplicatePOST as never,
    method: "POST",
    token: admin,
    params: program,
    body: () => ({ name: "Copy", sku: `CP-${Math.random().toString(36).slice(2, 8)}` }),
  },
  { name: "POST /admin/programs/:id/activate", handler: activatePOST as never, method: "POST", token: admin, params: program },
  {
    name: "POST /admin/programs/:id/preview",
    handler: editorPreviewPOST as never,
    method: "POST",
    token: admin,
    params: program,
    body: () => ({ draft: draft(), substitutions: substitution(), joinDate: "2027-01-15", versionId: "A", count: 12 }),
  },
  {
    name: "POST /admin/programs/:id/workbench/preview",
    handler: workbenchPreviewPOST as never,
    method: "POST",
    token: admin,
    params: program,
    body: () => ({ subscriptionIds: [fixtures.enrollmentId] }),
  },
  {
    name: "POST /admin/programs/:id/workbench/jobs",
    handler: workbenchJobsPOST as never,
    method: "POST",
    token: admin,
    params: program,
    body: () => ({ subscriptionIds: [fixtures.enrollmentId], batchSize: 10 }),
  },
  {
    name: "PUT /admin/workflows/:id/draft",
    handler: draftPUT as never,
    method: "PUT",
    token: admin,
    params: wf,
    body: () => ({ definition: defaultWorkflowDefinition({ approvalThresholdMinor: 10_000 }) }),
  },
  {
    name: "POST /admin/workflows/:id/simulate",
    handler: simulatePOST as never,
    method: "POST",
    token: admin,
    params: wf,
    body: () => ({ definition: defaultWorkflowDefinition({ approvalThresholdMinor: 10_000 }), lastN: 5 }),
  },
  { name: "POST /admin/workflows/:id/publish", handler: publishPOST as never, method: "POST", token: admin, params: wf },
];

describe("fuzz: hostile input to every mutating endpoint", () => {
  it.each(targets.map((t) => [t.name, t] as const))("%s: never a 5xx, and a 4xx writes nothing", async (_name, target) => {
    const db = getDb();
    await fc.assert(
      fc.asyncProperty(requestFor(target), async ({ input, params }) => {
        const before = await allRowCounts(db);
        const res = await call(target.handler, target.token(), { method: target.method, path: "/api/v1/fuzz", params, ...input });
        expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBeLessThan(500);
        if (res.status >= 400) expect(await allRowCounts(db)).toEqual(before);
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        endOnFailure: true,
        // fast-check's report with the seed and path to replay; counterexamples hold 1 MB strings, so cut long runs.
        reporter: (out) => {
          if (out.failed)
            throw new Error((fc.defaultReportMessage(out) ?? "").replace(/(.)\1{200,}/g, (m, c: string) => `${c.repeat(20)}…(${m.length}×)`));
        },
      },
    );
  });
});
