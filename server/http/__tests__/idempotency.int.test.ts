import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as createPOST } from "@/app/api/v1/subscriptions/route";
import { POST as skipPOST } from "@/app/api/v1/subscriptions/[id]/skip/route";
import { getDb } from "@/db/client";
import { cycleOverrides, orders, subscriptions } from "@/db/schema";
import { tokenFor } from "@/test/security/security-test-kit";
import { createInput, makeProduct } from "@/test/support/subscriptions/factories";

/** `Idempotency-Key` on mutating requests, through the real route handlers and tables. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- route handlers differ in their params type
type Handler = (req: Request, ctx: { params: Promise<any> }) => Promise<Response>;

async function post(handler: Handler, token: string, path: string, body: unknown, key?: string, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: `Bearer ${token}` };
  if (key !== undefined) headers["idempotency-key"] = key;
  const res = await handler(new Request(`http://localhost${path}`, { method: "POST", headers, body: JSON.stringify(body) }), {
    params: Promise.resolve(params),
  });
  return { status: res.status, replayed: res.headers.get("idempotent-replayed") === "true", json: (await res.json()) as Body };
}

type Body = { subscription?: { id: string }; error?: { code: string; fields?: Record<string, string> } };

const subscriptionsOf = (customerId: string) => getDb().select().from(subscriptions).where(eq(subscriptions.customerId, customerId));

describe("Idempotency-Key", () => {
  it("a retried POST /subscriptions replays the first answer and creates one subscription and one order", async () => {
    const db = getDb();
    const { token, customerId } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const first = await post(createPOST, token, "/api/v1/subscriptions", createInput(product.id), "create-1");
    const again = await post(createPOST, token, "/api/v1/subscriptions", createInput(product.id), "create-1");
    expect(first).toMatchObject({ status: 201, replayed: false });
    expect(again).toEqual({ ...first, replayed: true });
    const subs = await subscriptionsOf(customerId!);
    expect(subs).toHaveLength(1);
    expect(await db.select().from(orders).where(eq(orders.subscriptionId, subs[0]!.id))).toHaveLength(1);

    // Without a key (or with a new one) a second subscription is a deliberate second request.
    expect((await post(createPOST, token, "/api/v1/subscriptions", createInput(product.id), "create-2")).status).toBe(201);
    expect(await subscriptionsOf(customerId!)).toHaveLength(2);
  });

  it("refuses a key reused for a different request, and keeps keys per user", async () => {
    const db = getDb();
    const alice = await tokenFor(db, "customer");
    const bob = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    expect((await post(createPOST, alice.token, "/api/v1/subscriptions", createInput(product.id), "k")).status).toBe(201);
    const reused = await post(createPOST, alice.token, "/api/v1/subscriptions", createInput(product.id, { quantity: 5 }), "k");
    expect(reused.status).toBe(422);
    expect(reused.json.error?.fields).toHaveProperty("idempotency-key");
    expect(await subscriptionsOf(alice.customerId!)).toHaveLength(1);
    expect((await post(createPOST, bob.token, "/api/v1/subscriptions", createInput(product.id), "k")).status).toBe(201);
  });

  it("replays a refusal as the same refusal, and rejects a malformed key", async () => {
    const db = getDb();
    const { token, customerId } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const bad = createInput(product.id, { quantity: 0 });
    const first = await post(createPOST, token, "/api/v1/subscriptions", bad, "bad-1");
    expect(first.status).toBe(422);
    expect(await post(createPOST, token, "/api/v1/subscriptions", bad, "bad-1")).toEqual({ ...first, replayed: true });
    expect((await post(createPOST, token, "/api/v1/subscriptions", createInput(product.id), "with space")).status).toBe(400);
    expect(await subscriptionsOf(customerId!)).toHaveLength(0);
  });

  it("concurrent retries with one key create one subscription; the others wait or replay", async () => {
    const db = getDb();
    const { token, customerId } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => post(createPOST, token, "/api/v1/subscriptions", createInput(product.id), "burst")),
    );
    expect(results.filter((r) => r.status === 201 && !r.replayed)).toHaveLength(1);
    for (const r of results) expect(r.status === 201 || r.status === 409).toBe(true);
    expect(await subscriptionsOf(customerId!)).toHaveLength(1);
  });

  it("a retried skip skips one delivery, not two", async () => {
    const db = getDb();
    const { token } = await tokenFor(db, "customer");
    const product = await makeProduct(db);
    const created = await post(createPOST, token, "/api/v1/subscriptions", createInput(product.id));
    const id = created.json.subscription!.id;
    const path = `/api/v1/subscriptions/${id}/skip`;
    const first = await post(skipPOST, token, path, {}, "skip-1", { id });
    const again = await post(skipPOST, token, path, {}, "skip-1", { id });
    expect(first.status).toBe(200);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await db.select().from(cycleOverrides).where(eq(cycleOverrides.subscriptionId, id))).toHaveLength(1);
  });
});
