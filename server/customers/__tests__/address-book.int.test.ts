import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as defaultPOST } from "@/app/api/v1/addresses/[id]/default/route";
import { DELETE as addressDELETE, PATCH as addressPATCH } from "@/app/api/v1/addresses/[id]/route";
import { GET as listGET, POST as addPOST } from "@/app/api/v1/addresses/route";
import { getDb, type Database } from "@/db/client";
import { addresses, auditLog, subscriptions } from "@/db/schema";
import { createApiToken } from "@/server/auth/api-tokens";
import { cancelSubscription } from "@/server/subscriptions/cancel-subscription";
import { changeSubscriptionAddress } from "@/server/subscriptions/change-subscription-address";
import { createSubscription } from "@/server/subscriptions/create-subscription";
import { setDeliveryAddress } from "@/server/subscriptions/set-delivery-address";
import { createInput, errorOf, makeCustomer, makeProduct, NOW, startEventSink } from "@/test/support/subscriptions/factories";
import { addAddress } from "../add-address";
import { deleteAddress } from "../delete-address";
import { listAddresses } from "../list-addresses";
import { setDefaultAddress } from "../set-default-address";
import { updateAddress } from "../update-address";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

const berlin = { name: "Kim Park", line1: "Unter den Linden 1", city: "Berlin", postalCode: "10117", country: "DE" };
const toronto = { name: "Sam Lee", line1: "100 Queen St W", city: "Toronto", region: "on", postalCode: "m5h2n2", country: "ca" };

const auditOf = (addressId: string) =>
  getDb()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "address"), eq(auditLog.entityId, addressId)))
    .orderBy(auditLog.id);
const defaults = async (customerId: string) =>
  (await getDb().select().from(addresses).where(eq(addresses.customerId, customerId))).filter((a) => a.isDefault).map((a) => a.id);

/** A customer with no address yet, as sign-up leaves them. */
async function bareCustomer() {
  const db = getDb();
  const c = await makeCustomer(db);
  await db.delete(addresses).where(eq(addresses.customerId, c.customer.id));
  return c;
}

describe("address book use-cases", () => {
  it("adds: normalized, the first one becomes the default, a second only when asked; each audited", async () => {
    const db = getDb();
    const { actor, user } = await bareCustomer();
    const first = await addAddress(db, actor, toronto, NOW);
    expect(first).toMatchObject({ region: "ON", postalCode: "M5H 2N2", country: "CA", isDefault: true, line2: null, usedBy: [] });
    const second = await addAddress(db, actor, berlin, new Date(NOW.getTime() + 1000));
    expect(second.isDefault).toBe(false);
    const third = await addAddress(db, actor, { ...berlin, line1: "Alexanderplatz 2", isDefault: true }, new Date(NOW.getTime() + 2000));
    expect(third.isDefault).toBe(true);
    expect(await defaults(actor.customerId)).toEqual([third.id]);
    expect((await listAddresses(db, actor.customerId)).map((a) => a.id)).toEqual([third.id, first.id, second.id]);
    expect(await auditOf(first.id)).toMatchObject([
      { action: "address_added", actorType: "user", actorId: user.id, data: { customerId: actor.customerId, country: "CA", isDefault: true } },
    ]);
  });

  it("refuses an invalid address with a reason per field and writes nothing", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    const e = await errorOf(
      addAddress(db, actor, { name: " ", line1: "1 Main", city: "Springfield", region: "Illinois", postalCode: "1234", country: "US" }, NOW),
    );
    expect(e.code).toBe("VALIDATION");
    expect(e.fields).toEqual({
      name: "Enter the name",
      region: expect.stringMatching(/^Enter the state as its code/),
      postalCode: "Enter a valid postal code for US, e.g. 12345 or 12345-6789",
    });
    expect(await listAddresses(db, actor.customerId)).toEqual([]);
  });

  it("edits in place: changed fields audited, verification reset; another customer's address is a 404", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    const a = await addAddress(db, actor, berlin, NOW);
    await db.update(addresses).set({ valid: false }).where(eq(addresses.id, a.id));
    const edited = await updateAddress(db, actor, a.id, { ...berlin, line2: "3. OG", postalCode: "10115" }, NOW);
    expect(edited).toMatchObject({ line2: "3. OG", postalCode: "10115", valid: true });
    expect((await auditOf(a.id)).at(-1)).toMatchObject({ action: "address_updated", data: { changed: ["line2", "postalCode"] } });
    // The same values again: nothing written.
    await updateAddress(db, actor, a.id, { ...berlin, line2: "3. OG", postalCode: "10115" }, NOW);
    expect(await auditOf(a.id)).toHaveLength(2);

    const other = await bareCustomer();
    expect((await errorOf(updateAddress(db, other.actor, a.id, berlin, NOW))).code).toBe("NOT_FOUND");
    expect((await errorOf(deleteAddress(db, other.actor, a.id, NOW))).code).toBe("NOT_FOUND");
    expect((await errorOf(setDefaultAddress(db, other.actor, a.id, NOW))).code).toBe("NOT_FOUND");
  });

  it("set default: exactly one default per customer, also in the database", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    const a = await addAddress(db, actor, berlin, NOW);
    const b = await addAddress(db, actor, toronto, NOW);
    expect((await setDefaultAddress(db, actor, b.id, NOW)).isDefault).toBe(true);
    expect(await defaults(actor.customerId)).toEqual([b.id]);
    expect((await auditOf(b.id)).at(-1)).toMatchObject({ action: "address_default_set" });
    // addresses_one_default refuses a second default whoever writes it.
    await expect(db.update(addresses).set({ isDefault: true }).where(eq(addresses.id, a.id))).rejects.toThrow();
  });

  it("delete is refused, naming the subscription, while one ships there; allowed once it is cancelled", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    const home = await addAddress(db, actor, berlin, NOW);
    const office = await addAddress(db, actor, toronto, NOW);
    const product = await makeProduct(db, { name: "Oat milk" });
    const { subscription } = await createSubscription(db, actor, createInput(product.id, { addressId: office.id }), NOW);

    const e = await errorOf(deleteAddress(db, actor, office.id, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(e.userMessage).toBe("This address can't be deleted: your Oat milk subscription ships to it. Choose another address there first.");
    expect((await listAddresses(db, actor.customerId)).find((a) => a.id === office.id)?.usedBy).toEqual([
      { subscriptionId: subscription.id, productName: "Oat milk", cycleIndex: null },
    ]);

    await cancelSubscription(db, actor, subscription.id, {}, NOW);
    expect(await deleteAddress(db, actor, office.id, NOW)).toEqual({ deleted: true, newDefaultId: null });
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, subscription.id));
    expect(row!.addressId).toBeNull(); // ON DELETE SET NULL, for an ended subscription only
    expect((await auditOf(office.id)).at(-1)).toMatchObject({ action: "address_deleted", data: { wasDefault: false } });
    expect(await defaults(actor.customerId)).toEqual([home.id]);
  });

  it("delete is refused while an upcoming delivery is sent there one-off", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    await addAddress(db, actor, berlin, NOW);
    const friend = await addAddress(db, actor, toronto, NOW);
    const product = await makeProduct(db, { name: "Tea" });
    const { subscription } = await createSubscription(db, actor, createInput(product.id), NOW);
    await setDeliveryAddress(db, actor, subscription.id, 2, { addressId: friend.id }, NOW);
    const e = await errorOf(deleteAddress(db, actor, friend.id, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(e.userMessage).toBe("This address can't be deleted: an upcoming Tea delivery is sent to it. Choose another address there first.");
  });

  it("deleting the default makes the oldest remaining address the default", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    const a = await addAddress(db, actor, berlin, new Date("2026-01-01T00:00:00Z"));
    const b = await addAddress(db, actor, toronto, new Date("2026-01-02T00:00:00Z"));
    const c = await addAddress(db, actor, { ...berlin, line1: "Other 3" }, new Date("2026-01-03T00:00:00Z"));
    await setDefaultAddress(db, actor, c.id, NOW);
    expect(await deleteAddress(db, actor, c.id, NOW)).toEqual({ deleted: true, newDefaultId: a.id });
    expect(await defaults(actor.customerId)).toEqual([a.id]);
    expect(b.isDefault).toBe(false);
  });
});

/** Waits until `n` sessions of this database are blocked on a lock. */
async function lockWaiters(db: Database, n: number) {
  for (let i = 0; i < 500; i++) {
    const [row] = await db.execute<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if ((row?.n ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("no session started waiting for a lock");
}

/** Runs `steps` in a transaction held open until `release()`; `ready` resolves once the steps ran. */
function heldTransaction(db: Database, steps: (tx: Parameters<Parameters<Database["transaction"]>[0]>[0]) => Promise<void>) {
  let release!: () => void;
  let ready!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const started = new Promise<void>((r) => (ready = r));
  const done = db.transaction(async (tx) => {
    await steps(tx);
    ready();
    await gate;
  });
  return { started, release, done };
}

describe("delete racing 'ship here' (real concurrent transactions)", () => {
  it("a delete that comes second waits for the assignment, then refuses", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    await addAddress(db, actor, berlin, NOW);
    const office = await addAddress(db, actor, toronto, NOW);
    const { subscription } = await createSubscription(db, actor, createInput((await makeProduct(db, { name: "Rice" })).id), NOW);
    // What changeSubscriptionAddress does, held open after its writes.
    const change = heldTransaction(db, async (tx) => {
      await tx.execute(sql`SELECT id FROM addresses WHERE id = ${office.id} FOR KEY SHARE`);
      await tx.execute(sql`UPDATE subscriptions SET address_id = ${office.id} WHERE id = ${subscription.id}`);
    });
    await change.started;
    const deletion = errorOf(deleteAddress(db, actor, office.id, NOW));
    await lockWaiters(db, 1);
    change.release();
    await change.done;
    expect(await deletion).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/your Rice subscription ships to it/) });
  });

  it("an assignment that comes second waits for the delete, then gets a field error", async () => {
    const db = getDb();
    const { actor } = await bareCustomer();
    await addAddress(db, actor, berlin, NOW);
    const office = await addAddress(db, actor, toronto, NOW);
    const { subscription } = await createSubscription(db, actor, createInput((await makeProduct(db)).id), NOW);
    // What deleteAddress does, held open after its delete.
    const deletion = heldTransaction(db, async (tx) => {
      await tx.execute(sql`SELECT id FROM addresses WHERE id = ${office.id} FOR UPDATE`);
      await tx.execute(sql`DELETE FROM addresses WHERE id = ${office.id}`);
    });
    await deletion.started;
    const change = errorOf(changeSubscriptionAddress(db, actor, subscription.id, { addressId: office.id }, NOW));
    await lockWaiters(db, 1);
    deletion.release();
    await deletion.done;
    expect(await change).toMatchObject({ code: "VALIDATION", fields: { addressId: "Choose one of your addresses" } });
  });
});

describe("address routes with a Bearer token", () => {
  type Handler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
  async function call<P>(handler: Handler<P>, token: string, opts: { method: string; body?: unknown; params?: P }) {
    const req = new Request("http://localhost/api/v1/addresses", {
      method: opts.method,
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    });
    const res = await handler(req, { params: Promise.resolve((opts.params ?? {}) as P) });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads arbitrary answers
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  it("add (201), field errors (422), edit, default, list, delete", async () => {
    const db = getDb();
    const { user } = await bareCustomer();
    const { token } = await createApiToken(db, user.id, "test", new Date());

    const bad = await call(addPOST, token, { method: "POST", body: { ...berlin, postalCode: "1011", country: "XX" } });
    expect(bad.status).toBe(422);
    expect(bad.json.error.fields).toEqual({ country: "XX is not a country code (ISO 3166)" });
    const badDe = await call(addPOST, token, { method: "POST", body: { ...berlin, postalCode: "1011" } });
    expect(badDe.json.error.fields).toEqual({ postalCode: "Enter a valid postal code for DE, e.g. 10115" });
    const missing = await call(addPOST, token, { method: "POST", body: { name: "Kim" } });
    expect(missing.status).toBe(422);
    expect(Object.keys(missing.json.error.fields).sort()).toEqual(["city", "country", "line1", "postalCode"]);

    const added = await call(addPOST, token, { method: "POST", body: berlin });
    expect(added.status).toBe(201);
    const id = added.json.address.id as string;
    const second = await call(addPOST, token, { method: "POST", body: toronto });
    const patched = await call(addressPATCH, token, { method: "PATCH", body: { ...berlin, city: "Potsdam", postalCode: "14467" }, params: { id } });
    expect(patched.json.address).toMatchObject({ city: "Potsdam", postalCode: "14467" });
    const made = await call(defaultPOST, token, { method: "POST", params: { id: second.json.address.id } });
    expect(made.json.address.isDefault).toBe(true);
    const list = await call(listGET, token, { method: "GET" });
    expect(list.json.addresses.map((a: { city: string }) => a.city)).toEqual(["Toronto", "Potsdam"]);
    const gone = await call(addressDELETE, token, { method: "DELETE", params: { id } });
    expect(gone).toEqual({ status: 200, json: { deleted: true, newDefaultId: null } });
    expect((await call(addressDELETE, token, { method: "DELETE", params: { id: "not-a-uuid" } })).status).toBe(404);
  });
});
