import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DELETE as aliasDelete } from "@/app/api/v1/admin/intake/aliases/[id]/route";
import { GET as aliasesGet, POST as aliasesPost } from "@/app/api/v1/admin/intake/aliases/route";
import { GET as overviewGet } from "@/app/api/v1/admin/intake/overview/route";
import { PUT as bodyPut } from "@/app/api/v1/admin/intake/payloads/[id]/body/route";
import { GET as detailGet } from "@/app/api/v1/admin/intake/payloads/[id]/route";
import { GET as payloadsGet } from "@/app/api/v1/admin/intake/payloads/route";
import { POST as replayPost } from "@/app/api/v1/admin/intake/replay/route";
import { PUT as settingsPut } from "@/app/api/v1/admin/intake/settings/[channel]/route";
import { getDb } from "@/db/client";
import type { Harness } from "@/tools/inngest-local/harness";
import { editFixture } from "@/test/support/intake/edit-fixture";
import { loadFixture } from "@/test/support/intake/load-fixture";
import {
  countOrders,
  makeStaffToken,
  payloadRow,
  postIntake,
  resetIntake,
  seedCatalog,
  startIntakeInngest,
} from "@/test/support/intake/intake-test-kit";

let harness: Harness;
let admin: string;
beforeAll(async () => {
  harness = await startIntakeInngest();
});
afterAll(() => harness.close());
beforeEach(async () => {
  const db = getDb();
  await resetIntake(db);
  await seedCatalog(db);
  admin = (await makeStaffToken(db, "admin")).token;
});

type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
async function call<P = Record<string, string>>(
  handler: Handler<P>,
  opts: { method?: string; path?: string; body?: unknown; params?: P; token?: string } = {},
) {
  const req = new Request(`http://localhost${opts.path ?? "/api/v1/admin/intake"}`, {
    method: opts.method ?? "GET",
    headers: { Authorization: `Bearer ${opts.token ?? admin}`, "Content-Type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const deadLetter = async (sku: string, id: string) => {
  const res = await postIntake("shopify", editFixture("shopify-orders-create", { id, "line_items[0].sku": sku }));
  expect(res.status).toBe(422);
  return res.body.payloadId;
};

describe("admin intake API (intake:manage)", () => {
  it("refuses staff without intake:manage and anonymous callers", async () => {
    const merch = (await makeStaffToken(getDb(), "merchandiser")).token;
    expect((await call(overviewGet, { token: merch })).status).toBe(403);
    expect((await call(overviewGet, { token: "nope" })).status).toBe(401);
  });

  it("lists dead letters by channel and reason, and shows the raw payload with big ids intact", async () => {
    // Edited as text so the 64-bit id stays an unquoted number literal, as Shopify sends it.
    const raw = loadFixture("shopify-orders-create").replace('"sku": "FLT-CART-3PK"', '"sku": "OLD-SKU"');
    const posted = await postIntake("shopify", raw);
    expect(posted.status).toBe(422);
    const id = posted.body.payloadId;
    const overview = await call(overviewGet);
    expect(overview.body).toMatchObject({
      deadLetterReasons: [{ channel: "shopify", reason: "unknown_sku", count: 1 }],
      channels: expect.arrayContaining([expect.objectContaining({ channel: "shopify", counts: { dead_lettered: 1 }, settings: expect.any(Object) })]),
      metrics: { total: 1 },
    });
    const list = await call(payloadsGet, { path: "/api/v1/admin/intake/payloads?channel=shopify&status=dead_lettered&reason=unknown_sku" });
    expect(list.body.payloads).toMatchObject([{ id, externalId: "5987431293829471813", errors: [{ code: "unknown_sku", path: "lines[0].sku" }] }]);
    expect((await call(payloadsGet, { path: "/api/v1/admin/intake/payloads?channel=api" })).body.payloads).toEqual([]);

    const detail = await call(detailGet, { params: { id } });
    const payload = detail.body.payload as { rawBody: string; errors: unknown[] };
    expect(payload.rawBody).toBe(raw);
    expect(payload.rawBody).toContain('"id": 5987431293829471813,');
    expect(detail.body.order).toBeNull();
    expect((await call(detailGet, { params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("add SKU alias → the affected dead letters are named; replay selected accepts them all", async () => {
    const a = await deadLetter("OLD-SKU", "1001");
    const b = await deadLetter("OLD-SKU", "1002");
    const c = await deadLetter("OTHER-SKU", "1003");

    const refused = await call(aliasesPost, { method: "POST", body: { channel: "shopify", fromSku: "OLD-SKU", toSku: "NO-SUCH" } });
    expect(refused).toMatchObject({ status: 422, body: { error: { fields: { toSku: expect.stringContaining("NO-SUCH") } } } });
    const saved = await call(aliasesPost, { method: "POST", body: { channel: "shopify", fromSku: "OLD-SKU", toSku: "FLT-CART-3PK" } });
    expect(saved.status).toBe(200);
    expect((saved.body.affectedPayloadIds as string[]).sort()).toEqual([a, b].sort());
    expect((await call(aliasesGet)).body.aliases).toMatchObject([{ channel: "shopify", fromSku: "OLD-SKU", toSku: "FLT-CART-3PK" }]);

    const replay = await call(replayPost, { method: "POST", body: { ids: [a, b, c] } });
    expect(replay.body.results).toMatchObject([
      { payloadId: a, status: "accepted", action: "created", replayed: true },
      { payloadId: b, status: "accepted", action: "created", replayed: true },
      { payloadId: c, status: "dead_lettered", reason: "unknown_sku", replayed: true },
    ]);
    expect(await countOrders(getDb())).toBe(2);
    // Replaying an accepted payload does nothing.
    expect((await call(replayPost, { method: "POST", body: { ids: [a] } })).body.results).toMatchObject([
      { payloadId: a, status: "accepted", replayed: false },
    ]);
    expect((await call(replayPost, { method: "POST", body: { ids: [] } })).status).toBe(422);
  });

  it("edit payload stores a corrected copy (raw kept) that the replay uses", async () => {
    const id = await deadLetter("TYPO-SKU", "2001");
    const bad = await call(bodyPut, { method: "PUT", params: { id }, body: { body: "{ not json" } });
    expect(bad).toMatchObject({ status: 422, body: { error: { fields: { body: expect.stringContaining("not valid JSON") } } } });

    const fixed = editFixture("shopify-orders-create", { id: "2001" });
    expect((await call(bodyPut, { method: "PUT", params: { id }, body: { body: fixed } })).status).toBe(200);
    const row = await payloadRow(getDb(), id);
    expect(row.correctedBody).toBe(fixed);
    expect(row.rawBody).toContain("TYPO-SKU");

    const replay = await call(replayPost, { method: "POST", body: { ids: [id] } });
    expect(replay.body.results).toMatchObject([{ status: "accepted", action: "created" }]);
    // Accepted payloads can no longer be edited.
    expect((await call(bodyPut, { method: "PUT", params: { id }, body: { body: fixed } })).status).toBe(409);
  });

  it("toggles a channel's validation mode, and deletes an alias", async () => {
    const res = await call(settingsPut, { method: "PUT", params: { channel: "woocommerce" }, body: { totalsMode: "strict" } });
    expect(res.body).toEqual({ channel: "woocommerce", settings: { totalsMode: "strict", customerMode: "lenient", testOrders: "ignore" } });
    expect((await call(settingsPut, { method: "PUT", params: { channel: "woocommerce" }, body: { totalsMode: "loose" } })).status).toBe(422);
    expect((await call(settingsPut, { method: "PUT", params: { channel: "etsy" }, body: { totalsMode: "strict" } })).status).toBe(404);

    const saved = await call(aliasesPost, { method: "POST", body: { channel: "api", fromSku: "X", toSku: "BEAN-ESP-1KG" } });
    const aliasId = String((saved.body.alias as { id: number }).id);
    expect((await call(aliasDelete, { method: "DELETE", params: { id: aliasId } })).status).toBe(200);
    expect((await call(aliasDelete, { method: "DELETE", params: { id: aliasId } })).status).toBe(404);
  });
});
