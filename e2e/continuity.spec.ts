import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

/**
 * Continuity programs end to end, as the "Done when" describes: a merchandiser builds
 * a 6-item standing program with a phantom item of the month and two versions; customers join
 * in month 4 and month 1 of the program calendar; opting out skips exactly one shipment; the
 * workbench moves only the selected subscription to a new revision.
 *
 * "Now" is today: month 4 is made by starting the series three months ago, month 1 by a copy
 * starting this month. Dates are computed, so the spec holds on any day.
 */
test.describe.configure({ mode: "serial" });
test.use({ timezoneId: "America/New_York" });

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};
// The demo customer lives in New York; their "today" is the join date.
const todayNY = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(new Date());
const [Y, M] = todayNY.split("-").map(Number) as [number, number];
const monthStart = (offset: number) => iso(Y, M + offset, 1);
const monthEnd = (offset: number) => iso(Y, M + offset + 1, 0);

const ITEMS = {
  e1: "Ethiopia Yirgacheffe, 250 g",
  e2: "Colombia Huila, 250 g",
  e3: "Kenya AA, 250 g",
  e4: "Guatemala Antigua, 250 g",
  phantom: "Coffee of the month",
  e6: "Sumatra Mandheling, 250 g",
  decaf: "Decaf Colombia, 250 g",
  holiday: "Holiday blend, 250 g",
  brazil: "Brazil Cerrado, 250 g",
};

const state: { programId?: string; copyId?: string; newcomer?: string } = {};

async function selectedText(page: Page, label: string) {
  return page.getByLabel(label, { exact: true }).locator("option:checked").innerText();
}

async function entries(page: Page) {
  const list = page.getByTestId("timeline-entry");
  await expect(list.first()).toBeVisible();
  return list;
}

test("merchandiser builds a standing program with a phantom item and two versions", async ({ page }) => {
  await signIn(page, DEMO.merchandiser);
  await page.goto("/programs");
  await page.getByLabel("Program name").fill("Coffee Club");
  await page.getByLabel("Parent product SKU").fill(`CLUB-${Date.now()}`);
  await page.getByLabel("Price per shipment").fill("20");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page).toHaveURL(/\/programs\/[0-9a-f-]{36}$/);
  state.programId = page.url().split("/").pop();

  await page.getByLabel("Series start date").fill(monthStart(-3));
  await page.getByLabel("Lead days").fill("10");

  // Six items; Sumatra and the phantom go in swapped, then drag and drop puts them right.
  const order = [ITEMS.e1, ITEMS.e2, ITEMS.e3, ITEMS.e4, ITEMS.e6, `${ITEMS.phantom} (phantom)`];
  for (const [i, name] of order.entries()) {
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByLabel(`Event ${i + 1} product`).selectOption({ label: name });
  }
  const rows = page.getByTestId("series-item");
  await rows.nth(5).getByTitle("Drag to reorder").dragTo(rows.nth(4));
  expect(await selectedText(page, "Event 5 product")).toBe(`${ITEMS.phantom} (phantom)`);
  expect(await selectedText(page, "Event 6 product")).toBe(ITEMS.e6);
  // Keyboard alternative: down then up is a round trip.
  await page.getByRole("button", { name: "Move event 2 down" }).click();
  expect(await selectedText(page, "Event 3 product")).toBe(ITEMS.e2);
  await page.getByRole("button", { name: "Move event 3 up" }).click();
  expect(await selectedText(page, "Event 2 product")).toBe(ITEMS.e2);

  // Version B: a copy with a decaf first event; gold-tier customers get it.
  await page.getByRole("button", { name: "Add version" }).click();
  await expect(page.getByRole("tab", { name: "Version B" })).toHaveAttribute("aria-selected", "true");
  await page.getByLabel("Event 1 product").selectOption({ label: ITEMS.decaf });
  await page.getByRole("button", { name: "Add attribute rule" }).click();
  await page.getByLabel("Rule 1 value").fill("gold");
  await page.getByLabel("Rule 1 version").selectOption({ label: "Version B" });

  // Next month's coffee of the month.
  await page.getByRole("button", { name: "Add substitution" }).click();
  await page.getByLabel("Substitution 1 product").selectOption({ label: ITEMS.holiday });
  await page.getByLabel("Substitution 1 from").fill(monthStart(1));
  await page.getByLabel("Substitution 1 to").fill(monthEnd(1));

  // Preview for someone joining today (month 4): events 4, 5, 6, then 1, 2, 3.
  await page.getByLabel("Preview join date").fill(todayNY);
  const preview = page.getByRole("table", { name: "Next shipments preview" }).getByTestId("preview-row");
  await expect(preview).toHaveCount(6);
  await expect(preview.nth(0)).toContainText("Event 4");
  await expect(preview.nth(0)).toContainText(ITEMS.e4);
  await expect(preview.nth(1)).toContainText(monthStart(1));
  await expect(preview.nth(1)).toContainText(ITEMS.holiday);
  await expect(preview.nth(1)).toContainText("substituted");
  for (const [i, event] of [6, 1, 2, 3].entries()) await expect(preview.nth(i + 2)).toContainText(`Event ${event}`);

  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("status")).toContainText("revision 1");
  await page.screenshot({ path: test.info().outputPath("continuity-editor.png"), fullPage: true });

  // Month-1 program: a copy whose series starts this month.
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Coffee Club (copy)");
  state.copyId = page.url().split("/").pop();
  await page.getByLabel("Series start date").fill(monthStart(0));
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByRole("status")).toContainText("revision 1");
});

test("month-4 joiner (gold → version B) gets events 4–6 then 1–3; opting out skips exactly that shipment", async ({ page }) => {
  await signIn(page, DEMO.customer);
  await page.goto(`/my-programs/${state.programId}`);
  const preview = page.getByRole("table", { name: "Your next shipments" }).getByTestId("preview-row");
  await expect(preview).toHaveCount(6);
  for (const [i, event] of [4, 5, 6, 1, 2, 3].entries()) await expect(preview.nth(i)).toContainText(`Event ${event}`);
  await expect(preview.nth(3)).toContainText(ITEMS.decaf);
  await page.getByRole("button", { name: "Join program" }).click();
  await expect(page).toHaveURL(/\/my-programs\/enrollments\//);

  const list = await entries(page);
  await expect(list).toHaveCount(6);
  const expected = [
    [monthStart(0) > todayNY ? monthStart(0) : todayNY, 4, ITEMS.e4],
    [monthStart(1), 5, ITEMS.holiday],
    [monthStart(2), 6, ITEMS.e6],
    [monthStart(3), 1, ITEMS.decaf],
    [monthStart(4), 2, ITEMS.e2],
    [monthStart(5), 3, ITEMS.e3],
  ] as const;
  for (const [i, [date, event, item]] of expected.entries()) {
    await expect(list.nth(i)).toContainText(date);
    await expect(list.nth(i)).toContainText(`Event ${event}`);
    await expect(list.nth(i)).toContainText(item);
  }
  // The join shipment's child order exists at once (its generation date, join − 10 days, is past).
  await expect(list.nth(0).getByTestId("entry-status")).toContainText("Order created");

  const target = list.nth(3);
  await target.getByRole("button", { name: `Opt out of the ${monthStart(3)} shipment` }).click();
  await expect(target.getByTestId("entry-status")).toHaveText("Opted out");
  await target.getByRole("button", { name: `Opt back in to the ${monthStart(3)} shipment` }).click();
  await expect(target.getByTestId("entry-status")).toHaveText("Scheduled");
  await target.getByRole("button", { name: `Opt out of the ${monthStart(3)} shipment` }).click();
  await expect(target.getByTestId("entry-status")).toHaveText("Opted out");
  // Exactly that shipment: every other one keeps its date, event and status; the series still ends after 6.
  await expect(list).toHaveCount(6);
  await expect(page.getByTestId("entry-status").filter({ hasText: "Opted out" })).toHaveCount(1);
  for (const [i, [date, event]] of expected.entries()) {
    await expect(list.nth(i)).toContainText(date);
    await expect(list.nth(i)).toContainText(`Event ${event}`);
  }
  await page.screenshot({ path: test.info().outputPath("continuity-timeline.png"), fullPage: true });
});

test("month-1 joiner (standard → version A) gets events 1–6, the unfilled phantom month flagged", async ({ page }) => {
  const email = `club-${Date.now()}@example.test`;
  state.newcomer = email;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nico Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new$/);

  await page.goto(`/my-programs/${state.copyId}`);
  const preview = page.getByRole("table", { name: "Your next shipments" }).getByTestId("preview-row");
  await expect(preview).toHaveCount(6);
  for (let i = 0; i < 6; i++) await expect(preview.nth(i)).toContainText(`Event ${i + 1}`);
  await expect(preview.nth(0)).toContainText(ITEMS.e1);
  await expect(preview.nth(4)).toContainText("No substitute yet");
  await page.getByRole("button", { name: "Join program" }).click();
  const list = await entries(page);
  await expect(list).toHaveCount(6);
  await expect(list.nth(0)).toContainText(ITEMS.e1);
  await expect(list.nth(0).getByTestId("entry-status")).toContainText("Order created");
  await expect(list.nth(4).getByTestId("entry-status")).toHaveText("Item to be announced");

  // Also in the month-4 program, so the workbench has two subscriptions to choose from.
  await page.goto(`/my-programs/${state.programId}`);
  await page.getByRole("button", { name: "Join program" }).click();
  await expect(page).toHaveURL(/\/my-programs\/enrollments\//);
});

test("the workbench applies a new revision to the selected subscription only", async ({ page }) => {
  await signIn(page, DEMO.merchandiser);
  await page.goto(`/programs/${state.programId}`);
  await page.getByRole("tab", { name: /Version A/ }).click();
  await page.getByLabel("Event 6 product").selectOption({ label: ITEMS.brazil });
  await page.getByRole("button", { name: "Publish new revision" }).click();
  await expect(page.getByRole("status")).toContainText("revision 2");

  await page.goto(`/workbench?program=${state.programId}`);
  const rows = page.getByTestId("workbench-row");
  await expect(rows).toHaveCount(2);
  await page.getByLabel(`Select ${state.newcomer}`).check();
  await page.getByRole("button", { name: "Preview effect" }).click();
  const previewRow = page.getByTestId("workbench-preview-row");
  await expect(previewRow).toHaveCount(1);
  await expect(previewRow.locator("td").nth(1)).toContainText(ITEMS.e6);
  await expect(previewRow.locator("td").nth(2)).toContainText(ITEMS.brazil);

  await page.getByRole("button", { name: "Apply revision 2 to 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toContainText("1 moved to revision 2", { timeout: 60_000 });
  await expect(page.getByRole("progressbar", { name: "Workbench progress" })).toHaveAttribute("aria-valuenow", "100");
  await expect(rows.filter({ hasText: state.newcomer! }).getByTestId("row-revision")).toHaveText("2");
  await expect(rows.filter({ hasText: DEMO.customer }).getByTestId("row-revision")).toContainText("1");
  await page.screenshot({ path: test.info().outputPath("continuity-workbench.png"), fullPage: true });
});
