import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { notifications, subscriptions } from "@/db/schema";
import { createSubscriptions } from "../create-subscriptions";
import { auditActions, createInput, errorOf, makeCustomer, makeProduct, NOW, ordersOf, startEventSink } from "@/test/support/subscriptions/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

describe("createSubscriptions (the batch form)", () => {
  it("creates each subscription with its first order, audit row and confirmation, and announces the orders once", async () => {
    const db = getDb();
    const a = await makeCustomer(db);
    const b = await makeCustomer(db, { timeZone: "Asia/Tokyo" });
    const product = await makeProduct(db);
    const sent = sink.events.length;
    const created = await createSubscriptions(
      db,
      [
        { actor: a.actor, input: createInput(product.id, { startDate: "2026-11-24" }) },
        { actor: b.actor, input: createInput(product.id, { startDate: "2026-11-26", frequency: "weekly" }) },
        { actor: a.actor, input: createInput(product.id, { startDate: "2026-11-25", end: { kind: "after_cycles", cycles: 2 } }) },
      ],
      NOW,
    );
    expect(created).toHaveLength(3);
    const rows = await db
      .select()
      .from(subscriptions)
      .where(
        inArray(
          subscriptions.id,
          created.map((c) => c.subscriptionId),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(created.map((c) => byId.get(c.subscriptionId)!.customerId)).toEqual([a.customer.id, b.customer.id, a.customer.id]);
    expect(byId.get(created[1]!.subscriptionId)!.timeZone).toBe("Asia/Tokyo");
    expect(byId.get(created[2]!.subscriptionId)!.endCycles).toBe(2);
    for (const c of created) {
      expect(c.firstOrderId).not.toBeNull();
      expect((await ordersOf(db, c.subscriptionId)).map((o) => o.cycleIndex)).toEqual([0]);
      expect((await auditActions(db, c.subscriptionId)).map((r) => r.action)).toContain("created");
    }
    expect(await db.select().from(notifications).where(eq(notifications.customerId, a.customer.id))).toHaveLength(2);
    const announced = sink.events
      .slice(sent)
      .filter((e) => e.name === "order/created")
      .map((e) => e.data.orderId);
    expect(announced.sort()).toEqual(created.map((c) => c.firstOrderId).sort());
  });

  it("refuses the whole batch when one item is bad, naming the item and field, and writes nothing", async () => {
    const db = getDb();
    const a = await makeCustomer(db);
    const product = await makeProduct(db);
    const before = (await db.select().from(subscriptions).where(eq(subscriptions.customerId, a.customer.id))).length;
    const e = await errorOf(
      createSubscriptions(
        db,
        [
          { actor: a.actor, input: createInput(product.id, { startDate: "2026-11-24" }) },
          { actor: a.actor, input: createInput(product.id, { startDate: "2026-11-01" }) },
        ],
        NOW,
      ),
    );
    expect(e.code).toBe("VALIDATION");
    expect(e.fields).toEqual({ "items.1.startDate": "Start date can't be in the past" });
    expect(await db.select().from(subscriptions).where(eq(subscriptions.customerId, a.customer.id))).toHaveLength(before);
  });
});
