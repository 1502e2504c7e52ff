import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { e2eEnv } from "./support/order-factory";
import { dueSoonSubscription, linkIn, tickCrons, waitForEmail } from "./support/reminder-factory";

test("a reminder email's one-click link skips the delivery without signing in, once", async ({ page }) => {
  const productName = `Link Beans ${Date.now()}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 30 });
  await tickCrons();
  const email = await waitForEmail(productName);
  const skip = new URL(linkIn(email, "skip"));

  // Signed out: the link opens a confirmation page, and opening it changes nothing.
  await page.goto(skip.pathname);
  await expect(page.getByRole("heading", { name: "Skip this delivery?" })).toBeVisible();
  await expect(page.getByText(productName)).toBeVisible();
  expect(await skippedCycles(subscriptionId)).toEqual([]);

  await page.getByRole("button", { name: "Yes, skip it" }).click();
  await expect(page.getByRole("heading", { name: "Delivery skipped" })).toBeVisible();
  await expect(page.getByTestId("email-action-outcome")).toContainText("Your next delivery is on");
  expect(await skippedCycles(subscriptionId)).toEqual([0]);

  // Single use: the same email's other link, reopened later, says so and changes nothing.
  await page.goto(new URL(linkIn(email, "order_now")).pathname);
  await expect(page.getByRole("heading", { name: "This email’s links have been used" })).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);

  // A tampered link gets a clear page.
  await page.goto(skip.pathname.replace(".skip.", ".order_now."));
  await expect(page.getByRole("heading", { name: "This link isn't valid" })).toBeVisible();
  expect(await skippedCycles(subscriptionId)).toEqual([0]);
});

async function skippedCycles(subscriptionId: string): Promise<number[]> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<Array<{ cycle_index: number }>>`
      SELECT cycle_index FROM cycle_overrides WHERE subscription_id = ${subscriptionId} AND kind = 'skip' ORDER BY cycle_index`;
    return rows.map((r) => r.cycle_index);
  } finally {
    await sql.end();
  }
}
