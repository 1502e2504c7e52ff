import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { withSql } from "./support/cancel-flow";
import { dueSoonSubscription, tickCrons } from "./support/reminder-factory";

/**
 * Issue #13 item 4: an address book with clear field errors, each subscription shipping to its
 * own address, and one delivery sent elsewhere (a gift): generation ships that delivery to the
 * gift address and the next one to the subscription's address again.
 */
test.describe.configure({ timeout: 180_000 });

async function addAddress(page: Page, a: { name: string; line1: string; city: string; region: string; postalCode: string }) {
  await page.getByRole("button", { name: "Add an address" }).click();
  const form = page.getByRole("form", { name: "New address" });
  await form.getByLabel("Full name").fill(a.name);
  await form.getByLabel("Country").selectOption("US");
  await form.getByLabel("Address line 1").fill(a.line1);
  await form.getByLabel("City").fill(a.city);
  await form.getByLabel("State").fill(a.region);
  await form.getByLabel("Postal code").fill(a.postalCode);
  await form.getByRole("button", { name: "Add address" }).click();
  return form;
}

/** Orders of the subscription with the street they ship to, oldest cycle first. */
const shipments = (subscriptionId: string) =>
  withSql(
    (sql) => sql<Array<{ cycle_index: number; line1: string | null }>>`
      SELECT cycle_index, shipping_address->>'line1' AS line1 FROM orders WHERE subscription_id = ${subscriptionId} ORDER BY cycle_index`,
  );

/** Makes cycle `index` of the daily subscription fall due two minutes ago (the anchor moves back `index` days). */
const dueNow = (subscriptionId: string, index: number) => {
  const due = new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000);
  const anchor = new Date(due.getTime() - index * 86_400_000).toISOString().slice(0, 10);
  return withSql(
    (sql) => sql`UPDATE subscriptions SET anchor_date = ${anchor}, local_time = ${due.toISOString().slice(11, 16)}, next_run_at = ${due.toISOString()}
                 WHERE id = ${subscriptionId}`,
  );
};

test("add addresses, ship a subscription to one, gift one delivery: generation follows both", async ({ page }) => {
  const stamp = Date.now();
  const office = { name: `Office ${stamp}`, line1: `${stamp % 1000} Office Park`, city: "Springfield", region: "IL", postalCode: "62701" };
  const friend = { name: `Robin ${stamp}`, line1: `${stamp % 1000} Elm St`, city: "Portland", region: "or", postalCode: "9720" };
  await signIn(page, DEMO.customer);

  // The address book: a wrong postal code is named with the reason, nothing is saved until fixed.
  await page.goto("/addresses");
  await expect(page.getByRole("heading", { level: 1, name: "Addresses" })).toBeVisible();
  await addAddress(page, office);
  await expect(page.getByRole("status").filter({ hasText: "Address added." })).toBeVisible();
  const form = await addAddress(page, friend);
  await expect(form.getByLabel("Postal code")).toHaveAccessibleDescription("Enter a valid postal code for US, e.g. 12345 or 12345-6789");
  await expect(form.getByLabel("Postal code")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Postal code").fill("97201");
  await form.getByRole("button", { name: "Add address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address added." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: friend.name })).toContainText("Portland, OR 97201");

  // Edit in place: the card shows the new postal code.
  await page.getByRole("button", { name: `Edit ${office.name}, ${office.line1}` }).click();
  const edit = page.getByRole("form", { name: "Edit address" });
  await expect(edit.getByLabel("Full name")).toHaveValue(office.name);
  await edit.getByLabel("Postal code").fill("62702");
  await edit.getByRole("button", { name: "Save address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address saved." })).toBeVisible();
  office.postalCode = "62702";
  await expect(page.getByRole("listitem").filter({ hasText: office.name })).toContainText("Springfield, IL 62702");

  // The subscription's own address: this and all future deliveries.
  const productName = `Address Beans ${stamp}`;
  const { subscriptionId } = await dueSoonSubscription({ productName, inHours: 100 });
  await page.goto(`/subscriptions/${subscriptionId}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(productName) })).toBeVisible();
  await page.getByRole("button", { name: "Change address" }).click();
  const change = page.getByRole("dialog", { name: "Change delivery address" });
  await change.getByLabel("Ship to").selectOption({ label: `${office.name}, ${office.line1}, ${office.city} ${office.postalCode}, US` });
  await change.getByRole("button", { name: "Use this address" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Address changed for this and all future deliveries." })).toBeVisible();
  await expect(page.getByTestId("ships-to")).toContainText(office.line1);

  // Gift the next delivery: shown on the timeline, for that delivery only.
  const timeline = page.getByRole("list", { name: "Upcoming shipments" });
  const first = timeline.getByRole("listitem").first();
  await first.getByRole("button", { name: /^Send elsewhere/ }).click();
  const gift = page.getByRole("dialog", { name: "Send this delivery elsewhere" });
  await gift.getByLabel("Ship this delivery to").selectOption({ label: `${friend.name}, ${friend.line1}, ${friend.city} 97201, US` });
  await gift.getByRole("button", { name: "Send it there" }).click();
  await expect(first.getByTestId("delivery-address")).toContainText(`This delivery only: ships to ${friend.name}`);
  await expect(timeline.getByTestId("delivery-address")).toHaveCount(1);
  await expect(first.getByRole("button", { name: /^Ship to my address/ })).toBeVisible();

  // The gift address can't be deleted while the delivery is pending; the message names the subscription.
  await page.goto("/addresses");
  await page.getByRole("button", { name: `Delete ${friend.name}, ${friend.line1}` }).click();
  await expect(page.getByRole("alert").filter({ hasText: `an upcoming ${productName} delivery is sent to it` })).toBeVisible();

  // Generation: this delivery goes to the friend, the next one to the office again.
  await dueNow(subscriptionId, 0);
  await expect(async () => {
    await tickCrons();
    expect(await shipments(subscriptionId)).toEqual([{ cycle_index: 0, line1: friend.line1 }]);
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await dueNow(subscriptionId, 1);
  await expect(async () => {
    await tickCrons();
    expect(await shipments(subscriptionId)).toEqual([
      { cycle_index: 0, line1: friend.line1 },
      { cycle_index: 1, line1: office.line1 },
    ]);
  }).toPass({ timeout: 60_000, intervals: [2_000] });

  // Once its order exists, the gifted delivery is locked: no more buttons for it.
  await page.goto(`/subscriptions/${subscriptionId}`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(productName) })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Ship to my address/ })).toHaveCount(0);
});
