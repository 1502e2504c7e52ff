import { expect, test, type Page } from "@playwright/test";

/**
 * "Done when": a brand-new customer in New York sets up a monthly subscription starting on the
 * 31st, sees the clamped Feb 28 and then Mar 31 in the review, confirms and sees the first
 * order, then pauses, resumes, skips and cancels — each visible on the page and in the
 * Activity list — and the API's preview returns the same dates the UI showed.
 */
test.use({ timezoneId: "America/New_York" });
// A long scenario on a shared 2-core machine: give it room beyond the 60 s default.
test.describe.configure({ timeout: 120_000 });

/** The next Jan 31 after today (2027-01-31 when written on 2026-11-24). */
function nextJan31(today = new Date()): number {
  const year = today.getFullYear();
  return today.getMonth() === 0 && today.getDate() < 31 ? year : year + 1;
}
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** "Sun, Feb 28, 2027" — how the portal writes a local date. */
const day = (y: number, m: number, d: number) =>
  new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(
    Date.UTC(y, m - 1, d),
  );

async function signUp(page: Page, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nora New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new$/);
}

test("new customer: monthly from the 31st, preview, confirm, pause, resume, skip, cancel", async ({ page }) => {
  const year = nextJan31();
  const start = `${year}-01-31`;
  const feb = isLeap(year) ? 29 : 28;
  const email = `nora-${Date.now()}@example.test`;
  await signUp(page, email);
  await expect(page.getByRole("heading", { name: "New subscription", level: 1 })).toBeVisible();

  // 1–5: product, quantity, frequency, start date, end condition.
  await page.locator("label").filter({ hasText: "Single-origin coffee beans, 1 kg" }).click();
  await expect(page.getByRole("radio", { name: /Single-origin coffee beans/ })).toBeChecked();
  await page.getByRole("button", { name: "Increase quantity" }).click();
  await expect(page.getByLabel("Quantity", { exact: true })).toHaveValue("2");
  await page
    .locator("label")
    .filter({ hasText: /^Monthly$/ })
    .click();
  await expect(page.getByRole("radio", { name: "Monthly" })).toBeChecked();
  await page.getByLabel("First delivery").fill(start);
  await page.getByRole("radio", { name: "Until I cancel" }).check();

  // 6: review — Jan 31, then Feb 28 (clamped), then back to Mar 31.
  const preview = page.getByRole("list", { name: "Upcoming deliveries" }).getByRole("listitem");
  await expect(preview).toHaveCount(6);
  await expect(preview.nth(0)).toContainText(day(year, 1, 31));
  await expect(preview.nth(1)).toContainText(day(year, 2, feb));
  await expect(preview.nth(2)).toContainText(day(year, 3, 31));
  await expect(preview.nth(1)).toContainText("× 2 · $48.00");

  // The API answers with exactly the dates the UI shows.
  const uiDates = await preview.evaluateAll((items) => items.map((li) => li.getAttribute("data-local-date")));
  // page.request shares the page's cookies but is not a browser fetch: it sends Origin as one would
  // (cookie-authenticated mutations require it, docs/security.md).
  const api = await page.request.post("/api/v1/schedules/preview", {
    headers: { origin: new URL(page.url()).origin },
    data: { frequency: "monthly", startDate: start, timeZone: "America/New_York", localTime: "09:00", end: { kind: "until_cancelled" }, count: 6 },
  });
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { occurrences: Array<{ localDate: string; at: string }> };
  expect(body.occurrences.map((o) => o.localDate)).toEqual(uiDates);
  expect(uiDates.slice(0, 3)).toEqual([start, `${year}-02-${feb}`, `${year}-03-31`]);
  expect(body.occurrences[2]?.at).toBe(`${year}-03-31T13:00:00.000Z`); // 09:00 EDT

  // Confirm → the subscription page with the first order already created.
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/[0-9a-f-]{36}$/);
  const subscriptionId = page.url().split("/").pop()!;
  const badge = page.getByTestId("status-badge");
  const activity = page.getByRole("list", { name: "Activity" });
  const timeline = page.getByRole("list", { name: "Upcoming shipments" });
  const orders = page.getByRole("table", { name: "Orders of this subscription" });
  await expect(badge).toHaveText("Active");
  await expect(orders.getByRole("row")).toHaveCount(2); // header + the first order
  await expect(orders).toContainText("Scheduled delivery");
  await expect(orders).toContainText(day(year, 1, 31));
  await expect(timeline.locator(`[data-local-date="${start}"]`)).toContainText(/Order #\d+ created/);
  await expect(page.getByTestId("next-delivery")).toHaveText(day(year, 2, feb));
  await expect(activity.locator('[data-action="created"]')).toContainText(email);

  // Pause.
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  const pauseDialog = page.getByRole("dialog", { name: "Pause subscription" });
  await pauseDialog.getByRole("button", { name: "Pause subscription" }).click();
  await expect(badge).toHaveText("Paused");
  await expect(activity.getByRole("listitem").first()).toContainText("Paused");
  await expect(activity.locator('[data-action="paused"]')).toContainText(email);

  // Resume.
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(badge).toHaveText("Active");
  await expect(activity.getByRole("listitem").first()).toContainText("Resumed");

  // Skip the next delivery: Feb 28 is struck through and Mar 31 becomes next.
  await page.getByRole("button", { name: "Skip next delivery" }).click();
  const skipped = timeline.locator(`[data-local-date="${year}-02-${feb}"]`);
  await expect(skipped).toHaveAttribute("data-skipped", "true");
  await expect(skipped.locator("s")).toHaveText(day(year, 2, feb));
  await expect(page.getByTestId("next-delivery")).toHaveText(day(year, 3, 31));
  await expect(activity.getByRole("listitem").first()).toContainText(`Skipped the delivery of ${day(year, 2, feb)}`);

  // Cancel, through the confirmation dialog.
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  const cancelDialog = page.getByRole("dialog", { name: "Cancel subscription?" });
  await expect(cancelDialog).toBeVisible();
  await cancelDialog.getByRole("button", { name: "Cancel subscription" }).click();
  await expect(badge).toHaveText("Cancelled");
  await expect(activity.getByRole("listitem").first()).toContainText("Cancelled");
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toHaveCount(0);
  // Only the order created before the cancel is still on its way; nothing else is scheduled.
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline.getByRole("listitem")).toContainText(/Order #\d+ created/);

  // The audit log behind the Activity list, through the API.
  const detail = await page.request.get(`/api/v1/subscriptions/${subscriptionId}`);
  const { activity: audit } = (await detail.json()) as { activity: Array<{ action: string; actor: { email: string | null } }> };
  const mine = audit.filter((a) => a.actor.email === email).map((a) => a.action);
  expect(mine).toEqual(["cancelled", "skipped", "resumed", "paused", "created"]);

  // The inbox got the confirmation and the cancellation, with an unread badge.
  await expect(page.getByTestId("unread-badge")).toBeVisible();
  await page.getByRole("link", { name: /Notifications/ }).click();
  const inbox = page.getByRole("list", { name: "Notifications" });
  await expect(inbox).toContainText("Subscription confirmed");
  await expect(inbox).toContainText("Subscription cancelled");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
});

test("another customer's subscription is a 404 in the API and 'not found' in the portal", async ({ page, browser }) => {
  await signUp(page, `owner-${Date.now()}@example.test`);
  await page.locator("label").filter({ hasText: "Paper coffee filters, 100" }).click();
  await page.getByLabel("First delivery").fill(`${nextJan31()}-01-31`);
  await page.getByRole("button", { name: "Confirm subscription" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop()!;

  const other = await browser.newPage({ timezoneId: "America/New_York" });
  await signUp(other, `other-${Date.now()}@example.test`);
  expect((await other.request.get(`/api/v1/subscriptions/${id}`)).status()).toBe(404);
  expect(
    (await other.request.post(`/api/v1/subscriptions/${id}/cancel`, { data: {}, headers: { origin: new URL(other.url()).origin } })).status(),
  ).toBe(404);
  await other.goto(`/subscriptions/${id}`);
  await expect(other.getByText("Subscription not found")).toBeVisible();
  await other.close();
});
