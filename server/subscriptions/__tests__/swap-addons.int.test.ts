import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cycleAddons, cycleSwaps, products } from "@/db/schema";
import { generateAllDue } from "@/server/generation/generate-due";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import {
  auditActions,
  createInput,
  errorOf,
  linesOf,
  makeCustomer,
  makeProduct,
  NOW,
  ordersOf,
  startEventSink,
  subscriptionRow,
} from "@/test/support/subscriptions/factories";
import { addAddon } from "../add-addon";
import { createSubscription } from "../create-subscription";
import { getSubscriptionDetail } from "../get-subscription-detail";
import { listProductSwaps } from "../list-product-swaps";
import { listSwapOptions } from "../list-swap-options";
import { putProductSwaps } from "../put-product-swaps";
import { removeAddon } from "../remove-addon";
import { skipNext } from "../skip-cycle";
import { swapProduct } from "../swap-product";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

/**
 * Monthly from 31 Jan 2027, 2 × coffee: cycle 0's order is created at confirmation, so the
 * cursor (the next delivery) is cycle 1, 28 Feb. Decaf is an allowed swap; tea is not.
 */
async function setup() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const coffee = await makeProduct(db, { name: "Coffee", priceMinor: 2400 });
  const decaf = await makeProduct(db, { name: "Decaf", priceMinor: 2600 });
  const tea = await makeProduct(db, { name: "Tea", priceMinor: 900 });
  const filters = await makeProduct(db, { name: "Filters", priceMinor: 350 });
  const staff = await makeCustomer(db, { role: "merchandiser" });
  await putProductSwaps(db, staff.user.id, coffee.id, { toProductIds: [decaf.id] }, NOW);
  const { subscription } = await createSubscription(db, customer.actor, createInput(coffee.id), NOW);
  return { db, ...customer, staff, coffee, decaf, tea, filters, id: subscription.id };
}

/** Generates the subscription's next cycle when it falls due, and returns its order's lines (product, quantity, price). */
async function generateNext(id: string) {
  const db = getDb();
  const at = (await subscriptionRow(db, id)).nextRunAt!;
  const [made] = await db.transaction((tx) => generateForSubscriptions(tx, [id], at));
  expect(made).toBeDefined();
  const lines = await linesOf(db, made!.orderId);
  return {
    cycleIndex: made!.cycleIndex,
    lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
  };
}

const actionsOf = async (id: string) => (await auditActions(getDb(), id)).map((a) => a.action);

describe("product swaps (merchandiser)", () => {
  it("the list per product is replaced by a put; a product can't swap to itself or to an unsellable one", async () => {
    const { db, staff, coffee, decaf, tea } = await setup();
    const put = await putProductSwaps(db, staff.user.id, coffee.id, { toProductIds: [tea.id, decaf.id, tea.id] }, NOW);
    expect([...put.swapsTo].sort()).toEqual([decaf.id, tea.id].sort());
    await putProductSwaps(db, staff.user.id, coffee.id, { toProductIds: [tea.id] }, NOW);
    expect((await listProductSwaps(db)).find((p) => p.id === coffee.id)?.swapsTo).toEqual([tea.id]);

    expect((await errorOf(putProductSwaps(db, staff.user.id, coffee.id, { toProductIds: [coffee.id] }, NOW))).fields).toHaveProperty("toProductIds");
    const gone = await makeProduct(db, { sellable: false });
    expect((await errorOf(putProductSwaps(db, staff.user.id, coffee.id, { toProductIds: [gone.id] }, NOW))).fields).toHaveProperty("toProductIds");
    expect((await listProductSwaps(db)).find((p) => p.id === coffee.id)?.swapsTo).toEqual([tea.id]);
  });
});

describe("swap product", () => {
  it("offers the merchandiser's list and refuses anything else with a 422 on productId, writing nothing", async () => {
    const { db, actor, id, decaf, tea, customer } = await setup();
    expect((await listSwapOptions(db, customer.id, id)).options.map((o) => o.name)).toEqual(["Decaf"]);
    for (const scope of ["future", "once"] as const) {
      const e = await errorOf(swapProduct(db, actor, id, { productId: tea.id, scope }, NOW));
      expect(e.code).toBe("VALIDATION");
      expect(e.fields).toHaveProperty("productId");
    }
    expect(await db.select().from(cycleSwaps).where(eq(cycleSwaps.subscriptionId, id))).toEqual([]);
    expect((await subscriptionRow(db, id)).productId).not.toBe(decaf.id);
    expect(await actionsOf(id)).not.toContain("product_swapped");
  });

  it("for one delivery: only that order ships the other product (catalog price at generation), the next one is back", async () => {
    const { db, actor, id, coffee, decaf } = await setup();
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "once" }, NOW);
    // A repeat changes nothing and audits nothing (keyed by occurrence).
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "once" }, NOW);
    expect((await subscriptionRow(db, id)).productId).toBe(coffee.id);
    const swapped = (await auditActions(db, id)).filter((a) => a.action === "product_swapped");
    expect(swapped.map((a) => a.data)).toEqual([{ scope: "once", cycleIndex: 1, localDate: "2027-02-28", from: coffee.id, to: decaf.id }]);
    const detail = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(detail.upcoming.find((c) => c.cycleIndex === 1)).toMatchObject({ swapped: true, product: { id: decaf.id, name: "Decaf" } });
    expect(detail.upcoming.find((c) => c.cycleIndex === 2)).toMatchObject({ swapped: false, product: { id: coffee.id } });

    // The price is the catalog's when the order is generated, not when the swap was made.
    await db.update(products).set({ priceMinor: 2700 }).where(eq(products.id, decaf.id));
    expect(await generateNext(id)).toEqual({ cycleIndex: 1, lines: [{ productId: decaf.id, quantity: 2, unitPriceMinor: 2700 }] });
    expect(await generateNext(id)).toEqual({ cycleIndex: 2, lines: [{ productId: coffee.id, quantity: 2, unitPriceMinor: 2400 }] });
    // Cycle 0 (confirmation) kept coffee.
    const [first] = await ordersOf(db, id);
    expect((await linesOf(db, first!.id)).map((l) => l.productId)).toEqual([coffee.id]);
  });

  it("for a later delivery by cycle index; swapping that delivery back removes it; an ordered or skipped delivery is refused", async () => {
    const { db, actor, id, coffee, decaf } = await setup();
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "once", cycleIndex: 3 }, NOW);
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "once", cycleIndex: 2 }, NOW);
    await swapProduct(db, actor, id, { productId: coffee.id, scope: "once", cycleIndex: 2 }, NOW);
    expect((await db.select().from(cycleSwaps).where(eq(cycleSwaps.subscriptionId, id))).map((r) => r.cycleIndex)).toEqual([3]);

    const placed = await errorOf(swapProduct(db, actor, id, { productId: decaf.id, scope: "once", cycleIndex: 0 }, NOW));
    expect(placed.code).toBe("CONFLICT");
    await skipNext(db, actor, id, NOW);
    const skipped = await errorOf(swapProduct(db, actor, id, { productId: decaf.id, scope: "once", cycleIndex: 1 }, NOW));
    expect(skipped.fields).toHaveProperty("cycleIndex");

    const made = [await generateNext(id), await generateNext(id)];
    expect(made).toEqual([
      { cycleIndex: 2, lines: [{ productId: coffee.id, quantity: 2, unitPriceMinor: 2400 }] },
      { cycleIndex: 3, lines: [{ productId: decaf.id, quantity: 2, unitPriceMinor: 2600 }] },
    ]);
  });

  it("this and all future: the subscription's product from the next order on, audited; orders already created keep theirs", async () => {
    const { db, actor, id, coffee, decaf } = await setup();
    const dto = await swapProduct(db, actor, id, { productId: decaf.id, scope: "future" }, NOW);
    expect(dto.product.id).toBe(decaf.id);
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "future" }, NOW);
    const rows = (await auditActions(db, id)).filter((a) => a.action === "product_swapped");
    expect(rows.map((a) => a.data)).toEqual([{ scope: "future", from: coffee.id, to: decaf.id, cycleIndex: 1 }]);
    expect((await generateNext(id)).lines.map((l) => l.productId)).toEqual([decaf.id]);
    expect((await generateNext(id)).lines.map((l) => l.productId)).toEqual([decaf.id]);
    const [first] = await ordersOf(db, id);
    expect((await linesOf(db, first!.id)).map((l) => l.productId)).toEqual([coffee.id]);
    // The allowed list is read from the subscription's (new) product: decaf allows nothing.
    expect((await errorOf(swapProduct(db, actor, id, { productId: coffee.id, scope: "future" }, NOW))).fields).toHaveProperty("productId");
  });

  it("another customer's subscription is a 404", async () => {
    const { db, id, decaf } = await setup();
    const other = await makeCustomer(db);
    expect((await errorOf(swapProduct(db, other.actor, id, { productId: decaf.id, scope: "once" }, NOW))).code).toBe("NOT_FOUND");
    expect((await errorOf(addAddon(db, other.actor, id, { productId: decaf.id, quantity: 1 }, NOW))).code).toBe("NOT_FOUND");
  });
});

describe("one-time add-ons", () => {
  it("add one to the next delivery: exactly one extra line in exactly one order, charged with it, never repeated", async () => {
    const { db, actor, id, coffee, filters } = await setup();
    await addAddon(db, actor, id, { productId: filters.id, quantity: 3 }, NOW);
    await addAddon(db, actor, id, { productId: filters.id, quantity: 3 }, NOW);
    expect((await auditActions(db, id)).filter((a) => a.action === "addon_added").map((a) => a.data)).toEqual([
      { cycleIndex: 1, productId: filters.id, quantity: 3 },
    ]);
    const detail = await getSubscriptionDetail(db, actor.customerId, id, NOW);
    expect(detail.upcoming.find((c) => c.cycleIndex === 1)?.addons).toEqual([
      { productId: filters.id, sku: filters.sku, name: "Filters", quantity: 3, priceMinor: 350 },
    ]);
    expect(detail.upcoming.filter((c) => c.addons.length > 0).map((c) => c.cycleIndex)).toEqual([1]);

    const first = await generateNext(id);
    expect(first).toEqual({
      cycleIndex: 1,
      lines: expect.arrayContaining([
        { productId: coffee.id, quantity: 2, unitPriceMinor: 2400 },
        { productId: filters.id, quantity: 3, unitPriceMinor: 350 },
      ]),
    });
    expect(first.lines).toHaveLength(2);
    const orders = await ordersOf(db, id);
    expect(orders.find((o) => o.cycleIndex === 1)?.totalMinor).toBe(2 * 2400 + 3 * 350);
    expect(await generateNext(id)).toEqual({ cycleIndex: 2, lines: [{ productId: coffee.id, quantity: 2, unitPriceMinor: 2400 }] });

    // Locked once its order exists.
    const locked = await errorOf(removeAddon(db, actor, id, { cycleIndex: 1, productId: filters.id }, NOW));
    expect(locked.code).toBe("CONFLICT");
    expect(locked.userMessage).toMatch(/already been created/);
  });

  it("removed before generation: no extra line; a repeated removal changes nothing", async () => {
    const { db, actor, id, coffee, filters } = await setup();
    await addAddon(db, actor, id, { productId: filters.id, quantity: 1 }, NOW);
    await addAddon(db, actor, id, { productId: filters.id, quantity: 2 }, NOW);
    await removeAddon(db, actor, id, { cycleIndex: 1, productId: filters.id }, NOW);
    await removeAddon(db, actor, id, { cycleIndex: 1, productId: filters.id }, NOW);
    expect(await db.select().from(cycleAddons).where(eq(cycleAddons.subscriptionId, id))).toEqual([]);
    const actions = (await auditActions(db, id)).filter((a) => a.action.startsWith("addon_"));
    expect(actions.map((a) => [a.action, a.data])).toEqual([
      ["addon_added", { cycleIndex: 1, productId: filters.id, quantity: 1 }],
      ["addon_added", { cycleIndex: 1, productId: filters.id, quantity: 2, previousQuantity: 1 }],
      ["addon_removed", { cycleIndex: 1, productId: filters.id, quantity: 2 }],
    ]);
    expect(await generateNext(id)).toEqual({ cycleIndex: 1, lines: [{ productId: coffee.id, quantity: 2, unitPriceMinor: 2400 }] });
  });

  it("refuses a product that can't be ordered (422) and a paused subscription (409)", async () => {
    const { db, actor, id } = await setup();
    const gone = await makeProduct(db, { sellable: false });
    expect((await errorOf(addAddon(db, actor, id, { productId: gone.id, quantity: 1 }, NOW))).fields).toHaveProperty("productId");
    const { pauseSubscription } = await import("../pause-subscription");
    await pauseSubscription(db, actor, id, {}, NOW);
    const { filters } = await setup();
    expect((await errorOf(addAddon(db, actor, id, { productId: filters.id, quantity: 1 }, NOW))).code).toBe("CONFLICT");
  });

  it("a swap and an add-on on the same delivery, through the cron generator's batch", async () => {
    const { db, actor, id, decaf, filters } = await setup();
    const plain = await setup();
    await swapProduct(db, actor, id, { productId: decaf.id, scope: "once" }, NOW);
    await addAddon(db, actor, id, { productId: filters.id, quantity: 1 }, NOW);
    await generateAllDue(db, { now: new Date("2027-02-28T15:00:00Z"), batchSize: 100 });
    const order = (await ordersOf(db, id)).find((o) => o.cycleIndex === 1)!;
    const lines = await linesOf(db, order.id);
    expect(lines.map((l) => [l.productId, l.quantity]).sort()).toEqual(
      [
        [decaf.id, 2],
        [filters.id, 1],
      ].sort(),
    );
    expect(order.totalMinor).toBe(2 * 2600 + 350);
    const generated = (await auditActions(db, id)).find((a) => a.action === "cycle_generated" && (a.data as { cycleIndex: number }).cycleIndex === 1);
    expect(generated?.data).toMatchObject({ swappedTo: decaf.id, addons: 1 });
    // The other subscription of the same batch is untouched by them.
    const other = (await ordersOf(db, plain.id)).find((o) => o.cycleIndex === 1)!;
    expect((await linesOf(db, other.id)).map((l) => l.productId)).toEqual([plain.coffee.id]);
    expect((await subscriptionRow(db, id)).nextCycleIndex).toBe(2);
  });

  it("every audit action written here is in the vocabulary", async () => {
    const { seen, unlisted } = await auditVocabularyOf(getDb());
    expect(seen).toEqual(expect.arrayContaining(["product_swapped", "addon_added", "addon_removed"]));
    expect(unlisted).toEqual([]);
  });
});
