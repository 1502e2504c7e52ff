import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { createOrder, orderState, sendEvent } from "./support/order-factory";

/**
 * The monitoring dashboard draws its charts accessibly and refreshes by itself: an order
 * that lands in review shows up in the review-queue card and the per-state chart without a
 * page reload.
 */
test("the dashboard shows accessible charts and picks up a new review order without reloading", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.admin);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("dashboard-freshness")).toContainText(/Updated (just now|\d+s ago)/);

  const reviewCount = page.getByTestId("kpi-review-value");
  const before = Number(await reviewCount.textContent());
  // Marks this page load: if the page reloaded, the marker would be gone.
  await page.evaluate(() => Object.assign(window, { __sameLoad: true }));

  // Above the default approval threshold (50,000) but below any custom high-value step: manual review.
  const order = await createOrder({ sku: "DOG-FOOD-12KG", quantity: 9 });
  expect(order.totalMinor).toBeGreaterThan(50_000);
  await sendEvent("order/created", { orderId: order.id });
  await expect.poll(() => orderState(order.id), { timeout: 60_000 }).toMatch(/review/);

  await expect(reviewCount).toHaveText(String(before + 1), { timeout: 20_000 });
  expect(await page.evaluate(() => (window as unknown as { __sameLoad?: boolean }).__sameLoad)).toBe(true);
  await expect(page.getByTestId("kpi-review")).toContainText("oldest");

  // Every chart is one image with a text summary, plus a hidden table with the numbers.
  for (const id of ["chart-orders-by-state", "chart-throughput", "chart-retry-rate", "chart-failure-rate", "chart-in-flight"]) {
    const chart = page.getByTestId(id);
    await expect(chart.getByRole("img")).toHaveAttribute("aria-label", /\S/);
    await expect(chart.getByRole("table")).toBeAttached();
  }
  await expect(page.getByTestId("chart-orders-by-state").getByRole("img")).toHaveAttribute("aria-label", /review \d+/);
  await expect(page.getByTestId("chart-throughput").getByRole("img")).toHaveAttribute("aria-label", /, [1-9]\d* created over 24 periods/);

  // The queue link leads to the order waiting for a decision.
  await page.getByRole("link", { name: "open queue" }).click();
  await expect(page.getByTestId(`review-row-${order.number}`)).toBeVisible();
});
