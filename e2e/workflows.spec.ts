import { expect, type Locator, type Page, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";
import { createOrder, orderState, sendEvent } from "./support/order-factory";

/**
 * The "Done when" for the workflow UI: an admin builds a high-value review step in the
 * designer by dragging from the palette and connecting handles, sees validation errors, fixes
 * them and publishes; an order above the new threshold then waits in the review queue, is
 * approved, ships, and the dashboard counts it.
 */
const SCREENSHOTS = process.env.SCREENSHOTS === "1";
const HIGH_VALUE = 100_000;

async function center(l: Locator) {
  const box = await l.boundingBox();
  if (!box) throw new Error("element has no box");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a connection from one state's output handle to another's input handle, as a user does. */
async function connect(page: Page, from: string, to: string) {
  const a = await center(page.getByTestId(`handle-out-${from}`));
  const b = await center(page.getByTestId(`handle-in-${to}`));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x, b.y, { steps: 8 });
  await page.mouse.up();
  await expect(page.getByTestId("transition-inspector")).toContainText(`t_${from}_${to}`);
}

/**
 * Where a state sits relative to Validation, in flow units (the seeded layout puts
 * Processing 640 units right of Validation, which gives the zoom).
 */
async function flowOffset(page: Page, stateId: string): Promise<[number, number]> {
  const v = (await page.getByTestId("state-node-validation").boundingBox())!;
  const p = (await page.getByTestId("state-node-processing").boundingBox())!;
  const n = (await page.getByTestId(`state-node-${stateId}`).boundingBox())!;
  const zoom = (p.x - v.x) / 640;
  return [(n.x - v.x) / zoom, (n.y - v.y) / zoom];
}

/** Waits until the viewport stops moving (fit view / undo re-render), judged by one element's box. */
async function settled(l: Locator) {
  let last = "";
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await l.boundingBox());
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [100] },
    )
    .toBe(true);
}

/** Screen pixels round to a few flow units at small zooms. */
const near = (n: number) => expect.closeTo(n, -1);

const problems = (page: Page) => page.getByTestId("problems-panel");

test.describe.configure({ mode: "serial" });

test("an admin designs a review step by drag and drop, publishes it, and an order goes through review to shipped", async ({ page }) => {
  test.setTimeout(240_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DEMO.admin);

  // The list shows the seeded workflow and its live version (v1, or later when another spec published first).
  const listed = (await (await page.request.get("/api/v1/admin/workflows")).json()) as { workflows: Array<{ name: string; liveVersion: number }> };
  const liveBefore = listed.workflows.find((w) => w.name === "default")!.liveVersion;
  await page.goto("/workflows");
  await expect(page.getByRole("heading", { level: 1, name: "Workflows" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "default" }) });
  await expect(row).toContainText(`v${liveBefore}`);
  await row.getByRole("link", { name: "default" }).click();

  const canvas = page.getByTestId("designer-canvas");
  await expect(page.getByTestId("state-node-validation")).toBeVisible();
  await expect(page.getByTestId("problem-errors")).toHaveText("0 errors");

  // 1. Drag a "Manual review state" from the palette onto an empty corner of the canvas.
  const box = (await canvas.boundingBox())!;
  await page.getByTestId("palette-review").dragTo(canvas, { targetPosition: { x: 90, y: box.height - 70 } });
  const node = page.getByTestId("state-node-review");
  await expect(node).toBeVisible();
  await expect(node).toContainText("Require approval");

  // Validation errors appear live: no way out, and an approval without a timeout.
  await expect(problems(page).locator('[data-code="dead_end_state"]')).toContainText("has no way out");
  await expect(problems(page).locator('[data-code="approval_without_timeout"]')).toBeVisible();
  await expect(page.getByTestId("problem-errors")).toHaveText("2 errors");
  await expect(page.getByRole("button", { name: "Publish…" })).toBeDisabled();
  await expect(page.locator("#publish-blocked")).toHaveText("Fix 2 errors to publish");

  await page.getByLabel("Label").fill("High-value review");
  await expect(node).toContainText("High-value review");

  // Dropping an action on a state adds it there; Delete removes the selected action again.
  await page.getByTestId("palette-notify").dragTo(node);
  await expect(node).toContainText("Notify customer");
  await expect(page.getByTestId("action-inspector")).toBeVisible();
  await expect(problems(page).locator('[data-code="action_without_fallback"]')).toContainText("logged, then ignored");
  await page.keyboard.press("Delete");
  await expect(node).not.toContainText("Notify customer");
  await expect(problems(page).locator('[data-code="action_without_fallback"]')).toHaveCount(0);

  // 2. Connect Validation → review: orders above HIGH_VALUE, checked before the default review (priority 20).
  await connect(page, "validation", "review");
  await page.getByLabel("Priority").fill("15");
  await page.getByRole("button", { name: "+ Add guard condition" }).click();
  await page.getByLabel("Field").selectOption("total");
  await page.getByLabel("Operator").selectOption("gt");
  await page.getByLabel("Value", { exact: true }).fill(String(HIGH_VALUE));
  await expect(page.getByTestId("edge-label-t_validation_review_2")).toContainText(`total > ${HIGH_VALUE}`);

  // 3. Approve and reject exits: manual transitions out of the review state.
  for (const to of ["processing", "rejected"]) {
    await connect(page, "review", to);
    await page.getByLabel("Trigger").selectOption("manual");
    await expect(page.getByTestId(`edge-label-t_review_${to}`)).toContainText("manual · merchandiser");
  }
  await expect(problems(page).locator('[data-code="dead_end_state"]')).toHaveCount(0);

  // 4. Clicking the remaining problem selects the approval; its state needs a timeout.
  await problems(page).locator('[data-code="approval_without_timeout"]').click();
  await expect(page.getByTestId("action-inspector")).toBeVisible();
  await page.getByTestId("action-inspector").getByRole("button", { name: "High-value review" }).click();
  await page.getByLabel("Leave after a timeout").check();
  await page.getByLabel("Timeout target").selectOption("rejected");
  await expect(page.getByTestId("problem-errors")).toHaveText("0 errors");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // Undo twice (target, then the timeout itself) brings the error back; redo twice fixes it again.
  await canvas.click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("ControlOrMeta+z");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("problem-errors")).toHaveText("1 error");
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(page.getByTestId("problem-errors")).toHaveText("0 errors");

  // Move the new state by dragging it under Validation (positions are part of the draft).
  // Flow coordinates come from the seeded layout: Validation at x=320, Processing at x=960.
  await page.getByRole("button", { name: "Fit view" }).click();
  await settled(page.getByTestId("state-node-validation"));
  const v = (await page.getByTestId("state-node-validation").boundingBox())!;
  const p = (await page.getByTestId("state-node-processing").boundingBox())!;
  const zoom = (p.x - v.x) / 640;
  const grab = (await node.boundingBox())!;
  await page.mouse.move(grab.x + 30, grab.y + 10);
  await page.mouse.down();
  // React Flow anchors a node drag where the pointer crosses the drag threshold; start it
  // with a small nudge so the rest of the move maps exactly onto the node's position.
  await page.mouse.move(grab.x + 34, grab.y + 10);
  await page.mouse.move(v.x + 260 * zoom + 34, v.y + 150 * zoom + 10, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => flowOffset(page, "review")).toEqual([near(260), near(150)]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // 5. Simulate a high-value sample order on the draft: it stops in the new review state.
  await page.getByRole("tab", { name: "Simulate" }).click();
  await page.getByTestId("simulate-panel").getByLabel("total", { exact: true }).fill("151200");
  await page.getByRole("button", { name: "Run simulation" }).click();
  const result = page.getByTestId("simulation-result");
  await expect(result.getByTestId("path-state")).toHaveText(["Created", "Validation", "High-value review"]);
  await expect(result).toContainText(`total > ${HIGH_VALUE}`);
  await expect(result.getByTestId("simulation-stop")).toContainText("waiting for manual:t_review_processing");
  // Auto-layout rearranges the canvas; one undo puts every state back where it was.
  const placed = (await node.boundingBox())!;
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect.poll(async () => JSON.stringify(await node.boundingBox())).not.toBe(JSON.stringify(placed));
  await page.getByRole("button", { name: "Fit view" }).click();
  await canvas.click({ position: { x: 10, y: 10 } });
  await page.keyboard.press("ControlOrMeta+z");
  await page.getByRole("button", { name: "Fit view" }).click();
  await expect(page.getByTestId("state-node-validation")).toBeVisible();
  await expect.poll(() => flowOffset(page, "review")).toEqual([near(260), near(150)]);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/designer.png" });

  // 6. Publish: the dialog lists what changes against v1.
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish workflow" });
  await expect(dialog.getByTestId("diff-states")).toContainText("+ review added");
  await expect(dialog.getByTestId("diff-transitions")).toContainText("+ t_validation_review_2 added");
  await dialog.getByRole("button", { name: "Confirm publish" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Published version ${liveBefore + 1}`)).toBeVisible();
  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(page.getByTestId(`version-${liveBefore + 1}`)).toContainText("live");

  // 7. A high-value order now waits in the new review state…
  const before = (await (await page.request.get("/api/v1/admin/dashboard")).json()) as { ordersByState: Array<{ state: string; count: number }> };
  const shippedBefore = before.ordersByState.find((s) => s.state === "shipped")?.count ?? 0;
  const order = await createOrder({ sku: "COF-BEAN-1KG", quantity: 63 });
  expect(order.totalMinor).toBeGreaterThan(HIGH_VALUE);
  await sendEvent("order/created", { orderId: order.id });
  await expect.poll(() => orderState(order.id), { timeout: 60_000 }).toBe("review");

  // …in the review queue, where the admin approves it (the row goes at once).
  await page.goto("/review");
  const item = page.getByTestId(`review-row-${order.number}`);
  await expect(item).toContainText("$1,512.00");
  await item.getByRole("button", { name: `Approve order #${order.number}` }).click();
  await expect(item).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Order #${order.number} approved.` })).toBeVisible();
  await expect.poll(() => orderState(order.id), { timeout: 60_000 }).toBe("ready_to_ship");

  // 8. The order page tells the story and ships it.
  await page.goto(`/orders/${order.id}`);
  await expect(page.getByTestId("order-state")).toHaveText("ready_to_ship");
  const timeline = page.getByTestId("order-timeline");
  await expect(timeline).toContainText(`total > ${HIGH_VALUE}`);
  await expect(timeline).toContainText("decision: approve");
  await page.getByRole("button", { name: "Mark shipped" }).click();
  await expect(page.getByTestId("order-state")).toHaveText("shipped", { timeout: 30_000 });
  await expect(timeline.getByTestId("timeline-entry").last()).toContainText("shipped");

  // 9. The dashboard counts it.
  await page.goto("/dashboard");
  const byState = page.getByTestId("chart-orders-by-state");
  await expect(byState.getByRole("img")).toHaveAttribute("aria-label", /Orders per state: .*shipped/);
  await expect(byState.getByRole("row", { name: "shipped" }).getByRole("cell")).toHaveText(String(shippedBefore + 1));
  await expect(page.getByTestId("kpi-review-value")).toHaveText(/^\d+$/);
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/dashboard.png", fullPage: false });
});
