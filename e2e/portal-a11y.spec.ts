import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { withSql } from "./support/cancel-flow";
import { dueSoonSubscription } from "./support/reminder-factory";

/**
 * Issue #13 item 11: every portal page passes axe (WCAG 2.x A/AA rules) with no serious or
 * critical violation. Each page is checked once its main content has rendered.
 */
test.describe.configure({ timeout: 120_000 });

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(bad, `${what}: serious/critical accessibility violations`).toEqual([]);
}

async function visit(page: Page, path: string, ready: Parameters<Page["getByRole"]>) {
  await page.goto(path);
  await expect(page.getByRole(...ready).first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Loading/ })).toHaveCount(0);
  await expectAccessible(page, path);
}

test("signed-out pages: sign-in, sign-up, an email-action page", async ({ page }) => {
  await visit(page, "/signin", ["button", { name: "Sign in" }]);
  await visit(page, "/signup", ["button", { name: "Create account" }]);
  await visit(page, "/email-actions/v1.not-a-real-token", ["heading", { level: 1 }]);
});

test("every signed-in portal page", async ({ page }) => {
  const { subscriptionId } = await dueSoonSubscription({ productName: `A11y Beans ${Date.now()}`, inHours: 100 });
  await signIn(page, DEMO.customer);
  await visit(page, "/subscriptions", ["heading", { level: 1 }]);
  await visit(page, "/subscriptions/new", ["heading", { level: 1, name: "New subscription" }]);
  await visit(page, `/subscriptions/${subscriptionId}`, ["heading", { level: 1, name: /A11y Beans/ }]);

  // The cancel dialog, open, with a reason picked.
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("dialog").getByRole("radio").first().check();
  await expectAccessible(page, "cancel dialog");
  await page.keyboard.press("Escape");

  await visit(page, `/subscriptions/${subscriptionId}/cancel`, ["heading", { level: 1 }]);
  await visit(page, "/orders", ["heading", { level: 1 }]);
  await visit(page, "/notifications", ["heading", { level: 1 }]);
  await visit(page, "/api-tokens", ["heading", { level: 1 }]);
  await visit(page, "/addresses", ["heading", { level: 1, name: "Addresses" }]);
  // The add form, submitted empty: every field error shown.
  await page.getByRole("button", { name: "Add an address" }).click();
  await page.getByRole("form", { name: "New address" }).getByRole("button", { name: "Add address" }).click();
  await expect(page.getByRole("form", { name: "New address" }).getByRole("alert").first()).toBeVisible();
  await expectAccessible(page, "address form with errors");
  await visit(page, "/my-programs", ["heading", { level: 1 }]);

  const [program] = await withSql((sql) => sql<Array<{ id: string }>>`SELECT id FROM programs WHERE status = 'active' ORDER BY created_at LIMIT 1`);
  if (program) await visit(page, `/my-programs/${program.id}`, ["heading", { level: 1 }]);
  const [enrollment] = await withSql(
    (sql) => sql<Array<{ subscription_id: string }>>`
      SELECT e.subscription_id FROM program_enrollments e JOIN customers c ON c.id = e.customer_id
      WHERE c.email = ${DEMO.customer} LIMIT 1`,
  );
  if (enrollment) await visit(page, `/my-programs/enrollments/${enrollment.subscription_id}`, ["heading", { level: 1 }]);
});
