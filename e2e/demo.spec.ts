import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

/**
 * Runs only against the living demo (E2E_DEMO=1: scripts/e2e-server.ts seeds it as a first
 * `npm run dev` does; scripts/test.ts runs this pass after the main one). What a newcomer sees
 * first must be a shop at work. SCREENSHOTS=1 retakes the README's pictures from it.
 */
const SCREENSHOTS = process.env.SCREENSHOTS === "1";

const kpi = async (page: import("@playwright/test").Page, id: string) =>
  Number((await page.getByTestId(`${id}-value`).textContent())?.replace(/[^\d]/g, ""));

test("the admin dashboard opens on the seeded demo with non-zero figures and charts", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.admin);
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("dashboard-freshness")).toContainText(/Updated/);

  await expect.poll(() => kpi(page, "kpi-in-flight")).toBeGreaterThan(0);
  expect(await kpi(page, "kpi-review")).toBeGreaterThan(0);
  expect(await kpi(page, "kpi-dead-letters")).toBeGreaterThan(0);
  // Every chart says in words what it draws: the per-state chart counts orders, throughput counts created ones.
  const byState = page.getByTestId("chart-orders-by-state").getByRole("img");
  await expect(byState).toHaveAttribute("aria-label", /shipped [1-9]\d*/i);
  await expect(byState).toHaveAttribute("aria-label", /review [1-9]\d*/i);
  await expect(page.getByTestId("chart-throughput").getByRole("img")).toHaveAttribute("aria-label", /, [1-9]\d* created over 24 periods/);
  await expect(page.getByTestId("chart-in-flight").getByRole("img")).toHaveAttribute("aria-label", /[1-9]/);
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/dashboard.png" });

  if (!SCREENSHOTS) return;
  await page.goto("/workflows");
  await page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "default" }) })
    .getByRole("link", { name: "default" })
    .click();
  await expect(page.getByTestId("state-node-validation")).toBeVisible();
  await page.screenshot({ path: "public/screenshots/designer.png" });
  await page.getByRole("button", { name: "Live", exact: true }).click();
  await expect(page.getByText(/refreshes every/)).toBeVisible();
  await expect(page.getByTestId("state-node-validation")).toContainText(/now/);
  await page.screenshot({ path: "public/screenshots/designer-live.png" });

  await page.goto("/intake");
  await expect(page.getByRole("heading", { level: 1, name: "Order intake" })).toBeVisible();
  await page
    .getByRole("region", { name: /Unknown SKU/ })
    .getByTestId("dead-letter-row")
    .first()
    .getByRole("link", { name: "Open" })
    .click();
  await expect(page.getByTestId("payload-status")).toContainText("dead lettered");
  await page.screenshot({ path: "public/screenshots/intake-dead-letter.png", fullPage: true });
});

test("the demo customer has subscriptions with pictures, past orders and unread notifications", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, DEMO.customer);
  await page.goto("/subscriptions");
  const pictures = page.locator('img[src^="/products/"]');
  await expect(pictures.first()).toBeVisible();
  expect(await pictures.count()).toBeGreaterThanOrEqual(4);
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/portal.png" });
  await page.goto("/subscriptions/new");
  await expect(page.locator('img[src^="/products/"]').first()).toBeVisible();
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/setup.png" });
});
