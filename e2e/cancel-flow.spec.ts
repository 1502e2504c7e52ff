import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { configureOffer, ordersOf, withSql } from "./support/cancel-flow";
import { dueSoonSubscription, tickCrons, waitForEmail } from "./support/reminder-factory";

/**
 * Issue #13 item 8: cancel is two clicks and always completes; a save offer configured by the
 * merchandiser for the chosen reason is one click to accept, and a discount offer then prices
 * the order generation produces. Every step is audited and confirmed by email.
 */
test.describe.configure({ timeout: 120_000 });

async function openSubscription(page: Page, productName: string, subscriptionId: string) {
  await page.goto(`/subscriptions/${subscriptionId}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(productName) })).toBeVisible();
}

const auditOf = (subscriptionId: string) =>
  withSql(async (sql) =>
    (
      await sql<Array<{ action: string }>>`
      SELECT action FROM audit_log WHERE entity_type = 'subscription' AND entity_id = ${subscriptionId} ORDER BY id`
    ).map((r) => r.action),
  );

test("cancel in two clicks, no reason needed; confirmed on the page and by email", async ({ page }) => {
  const productName = `Cancel Beans ${Date.now()}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
  await signIn(page, DEMO.customer);
  await openSubscription(page, productName, subscriptionId);

  await page.getByRole("button", { name: "Cancel subscription" }).click(); // 1
  const dialog = page.getByRole("dialog", { name: "Cancel subscription?" });
  await dialog.getByRole("button", { name: "Cancel subscription" }).click(); // 2
  await expect(page.getByRole("status").filter({ hasText: "Subscription cancelled" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cancelled");
  expect(await auditOf(subscriptionId)).toContain("cancelled");
  const email = await waitForEmail(`Your ${productName} subscription is cancelled`);
  expect(email).toContain("No further orders will be created");
});

test("a save offer for the chosen reason, accepted in one click, discounts the next generated order", async ({ page }) => {
  await signIn(page, DEMO.merchandiser);
  await configureOffer(page, "It's too expensive", async (form) => {
    await form.getByLabel("Kind of offer").selectOption("discount");
    await form.getByLabel("Percentage off").fill("20");
    await form.getByLabel("For how many orders").fill("1");
    await form.getByLabel("Line customers see").fill("Stay for less");
    await form.getByLabel("Offer it").check();
  });
  await page.context().clearCookies();

  const productName = `Saved Beans ${Date.now()}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
  await signIn(page, DEMO.customer);
  await openSubscription(page, productName, subscriptionId);
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel subscription?" });
  await dialog.getByRole("radio", { name: "It's too expensive" }).check();
  const offer = dialog.getByTestId("save-offer");
  await expect(offer).toContainText("Stay for less");
  await expect(dialog.getByRole("button", { name: "No thanks, cancel" })).toBeVisible();
  await offer.getByRole("button", { name: "Get 20% off your next order" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Offer accepted" })).toBeVisible();
  await expect(page.getByTestId("discount")).toHaveText("20% off your next order");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Active");
  expect(await auditOf(subscriptionId)).toEqual(expect.arrayContaining(["save_offer_shown", "save_offer_accepted"]));
  await waitForEmail(`Your ${productName} subscription continues`);

  // The next delivery falls due (moved into the past) and the generator's cron makes its order: 20% off 15.00.
  const due = new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000).toISOString();
  await withSql(
    (sql) => sql`UPDATE subscriptions SET anchor_date = ${due.slice(0, 10)}, local_time = ${due.slice(11, 16)}, next_run_at = ${due}
                 WHERE id = ${subscriptionId}`,
  );
  await expect(async () => {
    await tickCrons();
    expect((await ordersOf(subscriptionId)).map((o) => [o.subtotal_minor, o.discount_minor, o.total_minor])).toEqual([["1500", "300", "1200"]]);
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect
    .poll(
      async () =>
        (await withSql((sql) => sql<Array<{ n: number }>>`SELECT discount_orders_left AS n FROM subscriptions WHERE id = ${subscriptionId}`))[0]?.n,
    )
    .toBe(0);
});

test("keyboard only: open the cancel dialog, Escape closes it, then pick a reason and cancel", async ({ page }) => {
  const productName = `Keyboard Beans ${Date.now()}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
  await signIn(page, DEMO.customer);
  await openSubscription(page, productName, subscriptionId);

  const focusedText = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "");
  const tabTo = async (text: string) => {
    for (let i = 0; i < 60 && (await focusedText()) !== text; i++) await page.keyboard.press("Tab");
    expect(await focusedText()).toBe(text);
  };
  await tabTo("Cancel subscription");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Cancel subscription?" });
  await expect(dialog).toBeVisible();
  // Focus is inside the dialog, and Tab keeps it there (native modal dialog).
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog")))).toBe(true);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest("dialog[open]")) || document.activeElement === document.body)).toBe(
      true,
    );
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await focusedText()).toBe("Cancel subscription"); // focus returned to the opener

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.getByRole("radio", { name: "I have too much product" }).focus();
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown"); // radios move by arrow keys
  await expect(dialog.getByRole("radio", { name: "It's too expensive" })).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(dialog.getByRole("radio", { name: "I'm moving" })).toBeChecked();
  const submit = dialog.getByRole("button", { name: /^(Cancel subscription|No thanks, cancel)$/ });
  await expect(submit).toBeVisible();
  for (let i = 0; i < 10 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(submit).toBeFocused();
  // A visible focus indicator on the focused control.
  expect(await submit.evaluate((el) => getComputedStyle(el).outlineStyle !== "none" || getComputedStyle(el).boxShadow !== "none")).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Subscription cancelled" })).toBeVisible();
  const [row] = await withSql(
    (sql) => sql<Array<{ status: string; cancel_reason: string }>>`
    SELECT status, cancel_reason FROM subscriptions WHERE id = ${subscriptionId}`,
  );
  expect(row).toEqual({ status: "cancelled", cancel_reason: "moving" });
});

test.describe("without JavaScript", () => {
  test("the cancel page cancels with a plain form", async ({ page, browser }) => {
    const productName = `NoJS Beans ${Date.now()}`;
    const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
    await signIn(page, DEMO.customer);
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
    page = await noScript.newPage();
    await page.goto(`/subscriptions/${subscriptionId}`);
    await page.getByRole("link", { name: "Cancel subscription" }).click(); // 1
    await page.getByRole("button", { name: "Cancel subscription" }).click(); // 2
    await expect(page.getByRole("heading", { name: "Subscription cancelled" })).toBeVisible();
    const [row] = await withSql((sql) => sql<Array<{ status: string }>>`SELECT status FROM subscriptions WHERE id = ${subscriptionId}`);
    expect(row?.status).toBe("cancelled");
    await noScript.close();
  });
});
