import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { withSql } from "./support/cancel-flow";
import { dueSoonSubscription, tickCrons } from "./support/reminder-factory";

/**
 * Issue #13 items 1 and 2: the merchandiser allows a swap on the staff page; the customer swaps
 * the next delivery only and adds a one-time add-on to it; the generator's cron then creates
 * that delivery's order with exactly those lines (swapped product × quantity + the add-on).
 */
test.describe.configure({ timeout: 120_000 });

async function makeProduct(name: string, priceMinor: number): Promise<string> {
  return withSql(async (sql) => {
    const [p] = await sql<Array<{ id: string }>>`
      INSERT INTO products (sku, name, price_minor) VALUES (${`E2E-${name.replace(/\W/g, "")}`}, ${name}, ${priceMinor}) RETURNING id`;
    await sql`INSERT INTO inventory (product_id, on_hand) VALUES (${p!.id}, 100)`;
    return p!.id;
  });
}

test("swap one delivery and add an add-on: the generated order has exactly those lines", async ({ page }) => {
  const stamp = Date.now();
  const productName = `Swap Beans ${stamp}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
  const decafName = `Swap Decaf ${stamp}`;
  const decafId = await makeProduct(decafName, 1700);
  const filtersId = await makeProduct(`Swap Filters ${stamp}`, 350);
  const [row] = await withSql(
    (sql) => sql<Array<{ productId: string }>>`SELECT product_id AS "productId" FROM subscriptions WHERE id = ${subscriptionId}`,
  );

  // The merchandiser allows Beans → Decaf.
  await signIn(page, DEMO.merchandiser);
  await page.goto("/product-swaps");
  const form = page.getByRole("form", { name: new RegExp(productName) });
  await form.getByRole("checkbox", { name: decafName }).check();
  await form.getByRole("button", { name: `Save swaps for ${productName}` }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
  await page.context().clearCookies();

  await signIn(page, DEMO.customer);
  await page.goto(`/subscriptions/${subscriptionId}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(productName) })).toBeVisible();

  // Swap, this delivery only (the default when a delivery is due), by keyboard.
  await page.getByRole("button", { name: "Swap product" }).click();
  const swap = page.getByRole("dialog", { name: "Swap product" });
  await swap.getByLabel(`Instead of ${productName}`).selectOption(decafId);
  await expect(swap.getByRole("radio", { name: /This delivery only/ })).toBeChecked();
  await swap.getByRole("button", { name: "Swap product" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Product swapped." })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Upcoming shipments" });
  const first = timeline.getByRole("listitem").first();
  await expect(first).toContainText("Swapped for this delivery");
  await expect(first.getByTestId("cycle-product")).toHaveText(`${decafName} × 1`);
  await expect(timeline.getByRole("listitem").nth(1).getByTestId("cycle-product")).toHaveText(`${productName} × 1`);

  // A one-time add-on on the same (next) delivery.
  await page.getByRole("button", { name: "Add to next delivery" }).click();
  const add = page.getByRole("dialog", { name: "Add to next delivery" });
  await add.getByLabel("Product").selectOption(filtersId);
  await add.getByRole("button", { name: "Increase quantity" }).click();
  await add.getByRole("button", { name: "Add to delivery" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added to your next delivery." })).toBeVisible();
  await expect(first.getByTestId("addon")).toContainText(`Swap Filters ${stamp} × 2`);
  await expect(timeline.getByTestId("addon")).toHaveCount(1);

  // The delivery falls due (moved into the past) and the generator's cron makes its order.
  const due = new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000).toISOString();
  await withSql(
    (sql) => sql`UPDATE subscriptions SET anchor_date = ${due.slice(0, 10)}, local_time = ${due.slice(11, 16)}, next_run_at = ${due}
                 WHERE id = ${subscriptionId}`,
  );
  const linesOf = () =>
    withSql(
      (sql) => sql<Array<{ cycle: number; product: string; quantity: number; unit: number; total: number }>>`
        SELECT o.cycle_index AS cycle, l.product_id AS product, l.quantity, l.unit_price_minor::int AS unit, o.total_minor::int AS total
        FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.subscription_id = ${subscriptionId} ORDER BY o.cycle_index, l.unit_price_minor DESC`,
    );
  await expect(async () => {
    await tickCrons();
    expect((await linesOf()).map((l) => ({ ...l }))).toEqual([
      { cycle: 0, product: decafId, quantity: 1, unit: 1700, total: 1700 + 700 },
      { cycle: 0, product: filtersId, quantity: 2, unit: 350, total: 1700 + 700 },
    ]);
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  // "This delivery only": the subscription's own product is unchanged.
  expect(row!.productId).not.toBe(decafId);

  // The page now shows the order; the add-on is no longer on an open delivery.
  await page.reload();
  await expect(page.getByRole("list", { name: "Upcoming shipments" }).getByTestId("addon")).toHaveCount(0);
});
