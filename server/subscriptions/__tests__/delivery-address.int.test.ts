import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deliveryDELETE, PUT as deliveryPUT } from "@/app/api/v1/subscriptions/[id]/deliveries/[cycleIndex]/address/route";
import { PUT as addressPUT } from "@/app/api/v1/subscriptions/[id]/address/route";
import { getDb } from "@/db/client";
import { addresses, deliveryAddresses, subscriptions } from "@/db/schema";
import { createApiToken } from "@/server/auth/api-tokens";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import { auditActions, createInput, errorOf, makeCustomer, makeProduct, NOW, ordersOf, startEventSink } from "@/test/support/subscriptions/factories";
import { cancelSubscription } from "../cancel-subscription";
import { changeSubscription } from "../change-subscription";
import { changeSubscriptionAddress } from "../change-subscription-address";
import { createSubscription } from "../create-subscription";
import { getSubscriptionDetail } from "../get-subscription-detail";
import { pauseSubscription } from "../pause-subscription";
import { removeDeliveryAddress } from "../remove-delivery-address";
import { setDeliveryAddress } from "../set-delivery-address";
import { skipCycle } from "../skip-cycle";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

// createInput: monthly from 2027-01-31 at 09:00 New York; cycle 0's order is created at confirmation.
const CYCLE_AT = ["2027-01-31T14:00:00Z", "2027-02-28T14:00:00Z", "2027-03-31T13:00:00Z", "2027-04-30T13:00:00Z"].map((s) => new Date(s));

async function setup() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const [friend] = await db
    .insert(addresses)
    .values({
      customerId: customer.customer.id,
      name: "Robin",
      line1: "9 Elm St",
      city: "Portland",
      region: "OR",
      postalCode: "97201",
      country: "US",
    })
    .returning();
  const product = await makeProduct(db);
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id), NOW);
  return { db, ...customer, home: customer.address, friend: friend!, id: subscription.id, productId: product.id };
}
const shipsTo = async (id: string) => (await ordersOf(getDb(), id)).map((o) => [o.cycleIndex, o.shippingAddress?.line1]);
const generateAt = (ids: string[], cycle: number) => getDb().transaction((tx) => generateForSubscriptions(tx, ids, CYCLE_AT[cycle]!));

describe("a subscription's own address (this and all future)", () => {
  it("is picked at set-up, changed later from the next order on, and audited", async () => {
    const db = getDb();
    const { actor, customer } = await makeCustomer(db);
    const [office] = await db
      .insert(addresses)
      .values({ customerId: customer.id, name: "Casey", line1: "5 Office Park", city: "Springfield", postalCode: "12345", country: "US" })
      .returning();
    const product = await makeProduct(db);
    const { subscription } = await createSubscription(db, actor, createInput(product.id, { addressId: office!.id }), NOW);
    expect(subscription.address).toMatchObject({ id: office!.id, line1: "5 Office Park" });
    expect(await shipsTo(subscription.id)).toEqual([[0, "5 Office Park"]]);

    const home = (await db.select().from(addresses).where(eq(addresses.customerId, customer.id))).find((a) => a.isDefault)!;
    const dto = await changeSubscriptionAddress(db, actor, subscription.id, { addressId: home.id }, NOW);
    expect(dto.address?.id).toBe(home.id);
    expect((await auditActions(db, subscription.id)).at(-1)).toMatchObject({
      action: "address_changed",
      data: { from: office!.id, to: home.id, fromCycleIndex: 1 },
    });
    await generateAt([subscription.id], 1);
    // The order created before the change keeps its address.
    expect(await shipsTo(subscription.id)).toEqual([
      [0, "5 Office Park"],
      [1, "1 Main St"],
    ]);
  });

  it("refuses another customer's address (a field error), allows a paused subscription, refuses a cancelled one", async () => {
    const { db, actor, id, friend } = await setup();
    const stranger = await makeCustomer(db);
    const e = await errorOf(changeSubscriptionAddress(db, actor, id, { addressId: stranger.address.id }, NOW));
    expect(e).toMatchObject({ code: "VALIDATION", fields: { addressId: "Choose one of your addresses" } });
    await pauseSubscription(db, actor, id, {}, NOW);
    expect((await changeSubscriptionAddress(db, actor, id, { addressId: friend.id }, NOW)).address?.id).toBe(friend.id);
    await cancelSubscription(db, actor, id, {}, NOW);
    expect((await errorOf(changeSubscriptionAddress(db, actor, id, { addressId: friend.id }, NOW))).code).toBe("CONFLICT");
  });
});

describe("send one delivery to another address", () => {
  it("generation ships that one cycle to the gift address, exactly once, and the next to the regular one", async () => {
    const { db, actor, id, friend } = await setup();
    await setDeliveryAddress(db, actor, id, 1, { addressId: friend.id }, NOW);
    const detail = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(detail.upcoming.map((c) => [c.cycleIndex, c.deliveryAddress?.line1 ?? null])).toEqual([
      [0, null],
      [1, "9 Elm St"],
      [2, null],
      [3, null],
      [4, null],
      [5, null],
    ]);
    await generateAt([id], 1);
    await generateAt([id], 2);
    await generateAt([id], 3);
    expect(await shipsTo(id)).toEqual([
      [0, "1 Main St"],
      [1, "9 Elm St"],
      [2, "1 Main St"],
      [3, "1 Main St"],
    ]);
    expect((await auditActions(db, id)).filter((a) => a.action === "delivery_address_set")).toMatchObject([
      { data: { cycleIndex: 1, localDate: "2027-02-28", addressId: friend.id, replaced: null } },
    ]);
  });

  it("set-based: in one batch only the gifted subscription's order goes elsewhere", async () => {
    const a = await setup();
    const b = await setup();
    await setDeliveryAddress(a.db, a.actor, a.id, 1, { addressId: a.friend.id }, NOW);
    const orders = await generateAt([a.id, b.id], 1);
    expect(orders).toHaveLength(2);
    expect(await shipsTo(a.id)).toEqual([
      [0, "1 Main St"],
      [1, "9 Elm St"],
    ]);
    expect(await shipsTo(b.id)).toEqual([
      [0, "1 Main St"],
      [1, "1 Main St"],
    ]);
  });

  it("is removable before generation (audited), and locked once the order exists", async () => {
    const { db, actor, id, friend } = await setup();
    await setDeliveryAddress(db, actor, id, 2, { addressId: friend.id }, NOW);
    await removeDeliveryAddress(db, actor, id, 2, NOW);
    expect(await db.select().from(deliveryAddresses).where(eq(deliveryAddresses.subscriptionId, id))).toEqual([]);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "delivery_address_removed", data: { cycleIndex: 2, addressId: friend.id } });
    // Removing again changes nothing (no second audit row).
    await removeDeliveryAddress(db, actor, id, 2, NOW);
    expect((await auditActions(db, id)).filter((a) => a.action === "delivery_address_removed")).toHaveLength(1);

    // Cycle 0's order was created at confirmation: locked.
    const locked = await errorOf(setDeliveryAddress(db, actor, id, 0, { addressId: friend.id }, NOW));
    expect(locked).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/order has already been created/) });

    await setDeliveryAddress(db, actor, id, 1, { addressId: friend.id }, NOW);
    await generateAt([id], 1);
    expect((await errorOf(removeDeliveryAddress(db, actor, id, 1, NOW))).code).toBe("CONFLICT");
    expect((await errorOf(setDeliveryAddress(db, actor, id, 1, { addressId: actor.customerId }, NOW))).code).toBe("VALIDATION");
    expect(await shipsTo(id)).toEqual([
      [0, "1 Main St"],
      [1, "9 Elm St"],
    ]);
  });

  it("keyed by occurrence: a repeat changes nothing, another address replaces; skipped, past-the-end and own-address are refused", async () => {
    const { db, actor, id, friend, home, customer } = await setup();
    await setDeliveryAddress(db, actor, id, 1, { addressId: friend.id }, NOW);
    await setDeliveryAddress(db, actor, id, 1, { addressId: friend.id }, NOW);
    expect((await auditActions(db, id)).filter((a) => a.action === "delivery_address_set")).toHaveLength(1);
    const [third] = await db
      .insert(addresses)
      .values({ customerId: customer.id, name: "Ari", line1: "3 Oak Ave", city: "Salem", region: "MA", postalCode: "01970", country: "US" })
      .returning();
    await setDeliveryAddress(db, actor, id, 1, { addressId: third!.id }, NOW);
    expect(await db.select().from(deliveryAddresses).where(eq(deliveryAddresses.subscriptionId, id))).toMatchObject([
      { cycleIndex: 1, addressId: third!.id },
    ]);

    await skipCycle(db, actor, id, { cycleIndex: 3 }, NOW);
    expect((await errorOf(setDeliveryAddress(db, actor, id, 3, { addressId: friend.id }, NOW))).userMessage).toMatch(/skipped/);
    // The subscription has no address of its own set? It does (the default at set-up): picking it is refused.
    const own = await errorOf(setDeliveryAddress(db, actor, id, 2, { addressId: home.id }, NOW));
    expect(own).toMatchObject({ code: "VALIDATION", fields: { addressId: expect.stringMatching(/already ships to this address/) } });

    const { subscription: limited } = await createSubscription(
      db,
      actor,
      createInput((await makeProduct(db)).id, { end: { kind: "after_cycles", cycles: 2 } }),
      NOW,
    );
    const beyond = await errorOf(setDeliveryAddress(db, actor, limited.id, 5, { addressId: friend.id }, NOW));
    expect(beyond).toMatchObject({ code: "VALIDATION", fields: { cycleIndex: expect.stringMatching(/no such delivery/) } });
  });

  it("a program subscription's shipments can't be sent elsewhere one-off (continuity ships them)", async () => {
    const { db, actor, friend } = await setup();
    const program = await makeProduct(db, { kind: "program" });
    const [sub] = await db
      .insert(subscriptions)
      .values({
        customerId: actor.customerId,
        productId: program.id,
        quantity: 1,
        frequency: "monthly",
        anchorDate: "2027-01-31",
        timeZone: "UTC",
        nextRunAt: CYCLE_AT[0],
      })
      .returning();
    const e = await errorOf(setDeliveryAddress(db, actor, sub!.id, 0, { addressId: friend.id }, NOW));
    expect(e).toMatchObject({ code: "CONFLICT", userMessage: expect.stringMatching(/program shipment/) });
  });

  it("a frequency change keeps the next delivery's one-off address and drops later ones (their dates moved)", async () => {
    const { db, actor, id, friend } = await setup();
    await setDeliveryAddress(db, actor, id, 1, { addressId: friend.id }, NOW);
    await setDeliveryAddress(db, actor, id, 3, { addressId: friend.id }, NOW);
    await changeSubscription(db, actor, id, { frequency: "weekly" }, NOW);
    expect((await db.select().from(deliveryAddresses).where(eq(deliveryAddresses.subscriptionId, id))).map((d) => d.cycleIndex)).toEqual([1]);
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "frequency_changed", data: { deliveryAddressesDropped: [3] } });
  });

  it("routes: PUT and DELETE …/deliveries/{cycleIndex}/address, PUT …/address; audit vocabulary stays listed", async () => {
    const { db, user, id, friend, home } = await setup();
    const { token } = await createApiToken(db, user.id, "test", new Date());
    const call = async (handler: typeof deliveryPUT, method: string, params: Record<string, string>, body?: unknown) => {
      const req = new Request(`http://localhost/api/v1/subscriptions/${id}`, {
        method,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const res = await handler(req, { params: Promise.resolve(params as { id: string; cycleIndex: string }) });
      return { status: res.status, json: (await res.json()) as { subscription?: { address: { id: string } | null }; error?: { code: string } } };
    };
    expect((await call(deliveryPUT, "PUT", { id, cycleIndex: "2" }, { addressId: friend.id })).status).toBe(200);
    expect((await call(deliveryPUT, "PUT", { id, cycleIndex: "0" }, { addressId: friend.id })).status).toBe(409);
    expect((await call(deliveryPUT, "PUT", { id, cycleIndex: "-1" }, { addressId: friend.id })).status).toBe(404);
    expect((await call(deliveryPUT, "PUT", { id, cycleIndex: "2" }, { addressId: "nope" })).status).toBe(422);
    expect((await call(deliveryDELETE, "DELETE", { id, cycleIndex: "2" })).status).toBe(200);
    const moved = await call(addressPUT as typeof deliveryPUT, "PUT", { id }, { addressId: friend.id });
    expect(moved.json.subscription?.address?.id).toBe(friend.id);
    expect(home.id).not.toBe(friend.id);
    expect((await auditVocabularyOf(db)).unlisted).toEqual([]);
  });
});
