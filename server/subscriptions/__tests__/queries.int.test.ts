import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { apiTokens, notifications, orderLines, orders } from "@/db/schema";
import { hashToken } from "@/server/auth/actor";
import { createApiToken, listApiTokens, revokeApiToken } from "@/server/auth/api-tokens";
import { createSubscription } from "../create-subscription";
import { getSubscriptionDetail } from "../get-subscription-detail";
import { listCustomerOrders } from "@/server/orders/list-customer-orders";
import { listSubscriptions } from "../list-subscriptions";
import { listNotifications, markAllNotificationsRead, markNotificationRead } from "@/server/notifications/notification-inbox";
import { pauseSubscription } from "../pause-subscription";
import { suggestFrequencyFor } from "../suggest-frequency-for";
import { createInput, errorOf, makeCustomer, makeProduct, NOW, startEventSink } from "@/test/support/subscriptions/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

describe("subscription detail and lists", () => {
  it("shows next deliveries, the first order and the activity with who did it; only to the owner", async () => {
    const db = getDb();
    const { actor, user } = await makeCustomer(db);
    const product = await makeProduct(db, { name: "Beans" });
    const { subscription } = await createSubscription(db, actor, createInput(product.id), NOW);
    await pauseSubscription(db, actor, subscription.id, {}, NOW);

    const detail = await getSubscriptionDetail(db, actor.customerId, subscription.id, NOW);
    expect(detail.subscription).toMatchObject({ status: "paused", product: { name: "Beans" } });
    expect(detail.orders).toMatchObject([{ kind: "subscription", cycleIndex: 0, lines: [{ name: "Beans", quantity: 2 }] }]);
    // Paused with no end date: the order already made, then what would ship if resumed now.
    expect(detail.upcoming.map((c) => [c.localDate, c.order !== null])).toEqual([
      ["2027-01-31", true],
      ["2027-02-28", false],
      ["2027-03-31", false],
      ["2027-04-30", false],
      ["2027-05-31", false],
      ["2027-06-30", false],
    ]);
    expect(detail.activity.map((a) => a.action)).toEqual(["paused", "cycle_generated", "created"]);
    expect(detail.activity[0]).toMatchObject({ actor: { type: "user", id: user.id, email: user.email } });
    expect(detail.activity[1]).toMatchObject({ actor: { type: "system", email: null } });

    const stranger = await makeCustomer(db);
    expect(await errorOf(getSubscriptionDetail(db, stranger.actor.customerId, subscription.id, NOW))).toMatchObject({ code: "NOT_FOUND" });
    expect(await listSubscriptions(db, stranger.actor.customerId)).toEqual([]);
    expect(await listCustomerOrders(db, stranger.actor.customerId)).toEqual([]);
    expect((await listSubscriptions(db, actor.customerId)).map((s) => s.id)).toEqual([subscription.id]);
  });
});

describe("notifications", () => {
  it("lists newest first with an unread count; read marks are owner-only", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const stranger = await makeCustomer(db);
    const [a] = await db
      .insert(notifications)
      .values({ customerId: actor.customerId, kind: "reminder", title: "Soon", body: "Ships Friday", createdAt: new Date("2026-11-01T00:00:00Z") })
      .returning();
    await db
      .insert(notifications)
      .values({ customerId: actor.customerId, kind: "reminder", title: "Later", body: "b", createdAt: new Date("2026-11-02T00:00:00Z") });

    const inbox = await listNotifications(db, actor.customerId);
    expect(inbox.unread).toBe(2);
    expect(inbox.notifications.map((n) => n.title)).toEqual(["Later", "Soon"]);

    expect(await errorOf(markNotificationRead(db, stranger.actor.customerId, a!.id, NOW))).toMatchObject({ code: "NOT_FOUND" });
    await markNotificationRead(db, actor.customerId, a!.id, NOW);
    expect((await listNotifications(db, actor.customerId)).unread).toBe(1);
    expect(await markAllNotificationsRead(db, actor.customerId, NOW)).toEqual({ marked: 1 });
    expect((await listNotifications(db, actor.customerId)).unread).toBe(0);
  });
});

describe("frequency suggestion", () => {
  it("uses the median gap of past one-off orders of the product, in the customer's zone", async () => {
    const db = getDb();
    const { actor } = await makeCustomer(db);
    const product = await makeProduct(db);
    const other = await makeProduct(db);
    const place = async (at: string, productId = product.id, kind: "one_off" | "intake" = "one_off") => {
      const [o] = await db
        .insert(orders)
        .values({ customerId: actor.customerId, kind, currency: "USD", subtotalMinor: 100, totalMinor: 100, createdAt: new Date(at) })
        .returning();
      await db.insert(orderLines).values({ orderId: o!.id, productId, sku: "X", name: "X", quantity: 1, unitPriceMinor: 100 });
    };
    expect(await suggestFrequencyFor(db, actor.customerId, product.id)).toEqual({ frequency: null, basedOnOrders: 0 });
    // Gaps 13, 15, 14, 40 days → median 14.5 → every 2 weeks.
    for (const at of ["2026-08-01T15:00:00Z", "2026-08-14T15:00:00Z", "2026-08-29T15:00:00Z", "2026-09-12T15:00:00Z"]) await place(at);
    await place("2026-10-22T15:00:00Z", product.id, "intake");
    await place("2026-08-02T15:00:00Z", other.id); // another product doesn't count
    expect(await suggestFrequencyFor(db, actor.customerId, product.id)).toEqual({ frequency: "biweekly", basedOnOrders: 5 });
  });
});

describe("API tokens", () => {
  it("stores only the hash, shows the secret once, lists and revokes per user", async () => {
    const db = getDb();
    const { user } = await makeCustomer(db);
    const stranger = await makeCustomer(db);
    const { token, apiToken } = await createApiToken(db, user.id, "CLI", NOW);
    expect(token).toMatch(/^rpl_[A-Za-z0-9_-]{43}$/);
    const [stored] = await db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(stored?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(await listApiTokens(db, user.id))).not.toContain(token);
    expect(await errorOf(revokeApiToken(db, stranger.user.id, apiToken.id))).toMatchObject({ code: "NOT_FOUND" });
    await revokeApiToken(db, user.id, apiToken.id);
    expect(await listApiTokens(db, user.id)).toEqual([]);
  });
});
