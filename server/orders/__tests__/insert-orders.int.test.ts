import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb, type Database } from "@/db/client";
import { auditLog, orderLines, orders, products } from "@/db/schema";
import { makeCustomer, makeProduct, makeSubscription, resetGenerationTables, stockOf } from "@/test/support/generation/factories";
import { insertOrders, type InsertOptions, type OrderDraft } from "../insert-orders";
import { releaseStock } from "../release-stock";

const now = new Date("2027-01-31T14:00:00Z");
const insert = (db: Database, drafts: OrderDraft[], opts: InsertOptions = { reserve: true }) =>
  db.transaction((tx) => insertOrders(tx, drafts, now, opts));
const linesOf = (orderId: string) => getDb().select().from(orderLines).where(eq(orderLines.orderId, orderId));
const orderOf = async (orderId: string) => (await getDb().select().from(orders).where(eq(orders.id, orderId)))[0]!;

describe("insertOrders", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("prices a line from the catalog at insert time unless the channel gave its own price and totals", async () => {
    const db = getDb();
    const customer = await makeCustomer(db);
    const product = await makeProduct(db, { priceMinor: 1299 });
    const [catalog] = await insert(db, [{ customerId: customer.id, kind: "one_off", lines: [{ productId: product.id, quantity: 2 }] }]);
    expect(await orderOf(catalog!.orderId)).toMatchObject({
      subtotalMinor: 2598,
      totalMinor: 2598,
      discountMinor: 0,
      currency: "USD",
      channel: "replen",
      shippingAddress: { line1: "1 Main St", city: "Springfield" },
      createdAt: now,
    });
    expect(await linesOf(catalog!.orderId)).toMatchObject([{ sku: product.sku, name: product.name, unitPriceMinor: 1299, reservedQuantity: 2 }]);

    // A later price change reaches new catalog orders only; a channel's price is kept as sent.
    await db.update(products).set({ priceMinor: 1500 }).where(eq(products.id, product.id));
    const odd = 'Beans, "dark" {1kg} \\ NULL';
    const [channel] = await insert(
      db,
      [
        {
          customerId: customer.id,
          kind: "intake",
          channel: "shopify",
          externalId: 'ext,"1"',
          currency: "EUR",
          totals: { subtotalMinor: 1998, discountMinor: 100, taxMinor: 50, shippingMinor: 500, totalMinor: 2448 },
          shippingAddress: { name: 'Ana "A" Lima', line1: "Rua 1, 2", city: "Lisboa", postalCode: "1000", country: "PT" },
          flags: ["test_order"],
          lines: [{ productId: product.id, quantity: 2, unitPriceMinor: 999, sku: "CH-1,2", name: odd, meta: { channelName: odd } }],
        },
      ],
      { reserve: false },
    );
    expect(await orderOf(channel!.orderId)).toMatchObject({
      externalId: 'ext,"1"',
      currency: "EUR",
      subtotalMinor: 1998,
      discountMinor: 100,
      taxMinor: 50,
      shippingMinor: 500,
      totalMinor: 2448,
      shippingAddress: { name: 'Ana "A" Lima', line1: "Rua 1, 2" },
      flags: ["test_order"],
    });
    expect(await linesOf(channel!.orderId)).toMatchObject([
      { sku: "CH-1,2", name: odd, unitPriceMinor: 999, reservedQuantity: 0, meta: { channelName: odd } },
    ]);
    const [after] = await insert(db, [{ customerId: customer.id, kind: "one_off", lines: [{ productId: product.id, quantity: 1 }] }]);
    expect(await linesOf(after!.orderId)).toMatchObject([{ unitPriceMinor: 1500 }]);
    expect((await stockOf(db, product.id)).reserved).toBe(3);
  });

  it("a replay of an existing cycle or channel order inserts nothing and reserves nothing", async () => {
    const db = getDb();
    const product = await makeProduct(db, { stock: 10 });
    const sub = await makeSubscription(db, { productId: product.id });
    const audit: InsertOptions = {
      reserve: true,
      audit: { entity: "subscription", actor: { type: "system", id: "generation" }, action: "cycle_generated" },
    };
    const cycle: OrderDraft = {
      customerId: sub.customerId,
      kind: "subscription",
      subscriptionId: sub.id,
      cycleIndex: 0,
      lines: [{ productId: product.id, quantity: 3 }],
    };
    const channel: OrderDraft = {
      customerId: sub.customerId,
      kind: "intake",
      channel: "woocommerce",
      externalId: "4821",
      lines: [{ productId: product.id, quantity: 2 }],
    };
    const first = [...(await insert(db, [cycle], audit)), ...(await insert(db, [channel]))];
    expect(first).toHaveLength(2);
    expect((await stockOf(db, product.id)).reserved).toBe(5);

    // Replayed, and mixed with one new order: only the new one is inserted, reserved and audited.
    expect(await insert(db, [channel])).toEqual([]);
    const replay = await insert(db, [cycle, { ...cycle, cycleIndex: 1 }], audit);
    expect(replay).toMatchObject([{ index: 1, backordered: false }]);
    expect((await stockOf(db, product.id)).reserved).toBe(8);
    const [counts] = await db.execute<{ orders: number; lines: number }>(sql`
      SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_lines) AS lines`);
    expect(counts).toEqual({ orders: 3, lines: 3 });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "cycle_generated")).orderBy(auditLog.id);
    expect(audits.map((a) => [a.entityId, a.data?.cycleIndex])).toEqual([
      [sub.id, 0],
      [sub.id, 1],
    ]);
  });

  it("partial stock: lines take what is left in batch order, the short ones are flagged backordered", async () => {
    const db = getDb();
    const customer = await makeCustomer(db);
    const scarce = await makeProduct(db, { stock: 5 });
    const none = await makeProduct(db, { stock: null });
    const draft = (productId: string, quantity: number): OrderDraft => ({
      customerId: customer.id,
      kind: "one_off",
      lines: [{ productId, quantity }],
    });
    const placed = await insert(db, [draft(scarce.id, 3), draft(scarce.id, 3), draft(none.id, 1), draft(scarce.id, 3)]);
    expect(placed.map((o) => o.backordered)).toEqual([false, true, true, true]);
    const reserved = await Promise.all(placed.map(async (o) => (await linesOf(o.orderId))[0]!.reservedQuantity));
    expect(reserved).toEqual([3, 2, 0, 0]);
    const flags = await Promise.all(placed.map(async (o) => (await orderOf(o.orderId)).flags));
    expect(flags).toEqual([[], ["backordered"], ["backordered"], ["backordered"]]);
    expect(await stockOf(db, scarce.id)).toMatchObject({ onHand: 5, reserved: 5 });
  });

  describe("concurrency", () => {
    const pools: ReturnType<typeof createDb>[] = [];
    afterEach(async () => {
      await Promise.all(pools.splice(0).map((p) => p.sql.end()));
    });

    it("two batches at once never oversell: together they reserve exactly the stock there is", async () => {
      const db = getDb();
      const customer = await makeCustomer(db);
      const product = await makeProduct(db, { stock: 25 });
      const batch = Array.from({ length: 20 }, (): OrderDraft => ({
        customerId: customer.id,
        kind: "one_off",
        lines: [{ productId: product.id, quantity: 1 }],
      }));
      const [a, b] = [createDb(process.env.DATABASE_URL!, 2), createDb(process.env.DATABASE_URL!, 2)];
      pools.push(a, b);
      const [x, y] = await Promise.all([insert(a.db, batch), insert(b.db, batch)]);
      expect(x.length + y.length).toBe(40);
      expect([...x, ...y].filter((o) => !o.backordered)).toHaveLength(25);
      const [held] = await db.execute<{ reserved: number }>(sql`
        SELECT sum(reserved_quantity)::int AS reserved FROM order_lines WHERE product_id = ${product.id}`);
      expect(await stockOf(db, product.id)).toMatchObject({ onHand: 25, reserved: 25 });
      expect(held!.reserved).toBe(25);
    });

    // Rounds: an oversell race (a stale `available`) shows only now and then, so one try proves little.
    it.each([1, 2, 3])("eight batches at once on eight connections never oversell a scarce product (round %i)", async () => {
      const db = getDb();
      const customer = await makeCustomer(db);
      const product = await makeProduct(db, { stock: 13 });
      const batch = Array.from({ length: 3 }, (): OrderDraft => ({
        customerId: customer.id,
        kind: "one_off",
        lines: [{ productId: product.id, quantity: 2 }],
      }));
      for (let i = 0; i < 8; i++) pools.push(createDb(process.env.DATABASE_URL!, 1));
      // Half of them give their stock back (a cancel) and insert again, racing the others.
      const results = await Promise.all(
        pools.map(async (p, i) => {
          const first = await insert(p.db, batch);
          if (i % 2 === 1) return first;
          await releaseStock(
            p.db,
            first.map((o) => o.orderId),
            now,
          );
          return [...first, ...(await insert(p.db, batch))];
        }),
      );
      const [held] = await db.execute<{ reserved: number }>(sql`
        SELECT sum(reserved_quantity)::int AS reserved FROM order_lines WHERE product_id = ${product.id}`);
      expect(results.flat()).toHaveLength(36);
      expect(await stockOf(db, product.id)).toMatchObject({ onHand: 13, reserved: held!.reserved });
      // Partial lines take what is left, so all 13 units are held by somebody, never more.
      expect(held!.reserved).toBe(13);
    });
  });
});
