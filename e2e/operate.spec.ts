import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { TEST_CARDS } from "@/server/payments/test-cards";
import { DEMO, signIn } from "./support/auth";
import { backdateState, makeCustomer, setCard, versionOf } from "./support/operate-factory";
import { createOrder, type CreatedOrder, orderState, sendEvent } from "./support/order-factory";
import { tickCrons } from "./support/reminder-factory";

/**
 * Issue #15 in the browser: the designer's Live overlay against orders made here, a bulk
 * redrive, a version migration, restore + diff, an SLA breach reaching the header bell, a
 * keyboard-only edit, and an accessibility check. The spec leaves the draft as the seed's v1
 * (restored) so later specs start from the layout they know.
 */
test.describe.configure({ mode: "serial" });

const SKU = "COF-BEAN-1KG";
type Overlay = { states: Array<{ state: string; now: number | null; overdue: number; failures: number }> };

async function defaultWorkflow(page: Page): Promise<{ id: number; liveVersion: number }> {
  const res = await page.request.get("/api/v1/admin/workflows");
  const body = (await res.json()) as { workflows: Array<{ id: number; name: string; liveVersion: number }> };
  return body.workflows.find((w) => w.name === "default")!;
}

async function overlayNow(page: Page, workflowId: number, state: string): Promise<number> {
  const o = (await (await page.request.get(`/api/v1/admin/workflows/${workflowId}/overlay?hours=24`)).json()) as Overlay;
  return o.states.find((s) => s.state === state)?.now ?? 0;
}

async function placeOrder(customerEmail: string): Promise<CreatedOrder> {
  const order = await createOrder({ sku: SKU, quantity: 1, customerEmail });
  await sendEvent("order/created", { orderId: order.id });
  return order;
}

const untilState = (id: string, state: string) => expect.poll(() => orderState(id), { timeout: 60_000 }).toBe(state);

async function openDesigner(page: Page, workflowId: number) {
  await page.goto(`/workflows/${workflowId}`);
  await expect(page.getByTestId("state-node-validation")).toBeVisible();
}

let declined: CreatedOrder[] = [];
let workflowId = 0;
let v1 = 0;

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: 1400, height: 900 });
  await signIn(page, DEMO.admin);
});

test("Live mode shows the orders made here on the graph, lists a state's orders, and a bulk redrive moves declined orders on", async ({ page }) => {
  test.setTimeout(180_000);
  const wf = await defaultWorkflow(page);
  workflowId = wf.id;
  const before = await overlayNow(page, workflowId, "payment_failed");

  const email = await makeCustomer(TEST_CARDS.decline);
  declined = [await placeOrder(email), await placeOrder(email)];
  for (const o of declined) await untilState(o.id, "payment_failed");

  await openDesigner(page, workflowId);
  await page.getByTestId("live-toggle").click();
  await expect(page.getByTestId("live-bar")).toBeVisible();
  const node = page.getByTestId("state-node-payment_failed");
  // The heat map node counts exactly the orders in the state now: the ones before, plus ours.
  await expect(node.getByTestId("live-now")).toHaveText(`${before + 2} now`);
  // Failures count where the action ran: the payment authorisation in Processing.
  await expect(page.getByTestId("state-node-processing").getByTestId("live-failures")).toContainText(/[1-9]\d* failed/);
  // Edges count the moves in the window: processing → payment_failed at least our two.
  const edgeCount = page.locator('[data-testid^="edge-count-"]').first();
  await expect(edgeCount).toBeVisible();
  // For a person to look at: the heat map at fit-to-view on a 1400 px screen.
  await page.screenshot({ path: test.info().outputPath("live-1400.png") });

  // Clicking the state lists its orders, each linking to its timeline.
  await node.click();
  const panel = page.getByTestId("operate-panel");
  await expect(panel.getByTestId("state-orders-count")).toContainText(`${before + 2} order`);
  for (const o of declined) await expect(panel.getByRole("link", { name: `#${o.number}` }).first()).toHaveAttribute("href", `/orders/${o.id}`);

  // Bulk: a filter is required; the preview names how many and which; confirm; progress to done.
  await panel.getByLabel("State", { exact: true }).selectOption("");
  await expect(panel.getByRole("button", { name: "Preview" })).toBeDisabled();
  await panel.getByLabel("State", { exact: true }).selectOption("payment_failed");
  await panel.getByLabel("Error contains").last().fill("card_declined");
  await panel.getByRole("button", { name: "Preview" }).click();
  const preview = panel.getByTestId("bulk-preview");
  await expect(preview.getByTestId("bulk-preview-count")).toContainText(/\d+ orders? match/);
  const matched = Number((await preview.getByTestId("bulk-preview-count").textContent())!.match(/(\d+)/)![1]);
  expect(matched).toBeGreaterThanOrEqual(2);
  for (const o of declined) await expect(preview.getByRole("link", { name: `#${o.number}` })).toBeVisible();

  await setCard(email, TEST_CARDS.approve);
  await panel.getByRole("button", { name: new RegExp(`^Retry ${matched} orders?…$`) }).click();
  await panel.getByRole("alertdialog").getByRole("button", { name: "Confirm" }).click();
  const progress = panel.getByTestId("operation-progress");
  await expect(progress).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(progress).toContainText(`${matched} of ${matched} processed`);
  // Redriven from the failed payment action: the orders go on to ready_to_ship.
  for (const o of declined) await untilState(o.id, "ready_to_ship");
  await expect(node.getByTestId("live-now")).toHaveText(`${before + 2 - matched} now`, { timeout: 15_000 });
});

test("an SLA set in the inspector is published; in-flight orders migrate to it; the breach shows on the overlay and in the bell; versions diff and restore", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const wf = await defaultWorkflow(page);
  await openDesigner(page, workflowId);
  v1 = (await versionOf(declined[0]!.id))!;

  // SLA: "expected within" on Ready to ship, then publish.
  await page.getByTestId("state-node-ready_to_ship").click();
  await page.getByLabel("Expected within a time").check();
  await page.getByLabel("Expected within (seconds)").fill("120");
  await expect(page.getByTestId("save-status")).toHaveText("Saved");
  await page.getByRole("button", { name: "Publish…" }).click();
  const dialog = page.getByRole("dialog", { name: "Publish workflow" });
  await dialog.getByRole("button", { name: "Confirm publish" }).click();
  const next = wf.liveVersion + 1;
  await expect(page.getByText(`Published version ${next}`)).toBeVisible();

  // Migrate: our orders are on the old version; same-named states map by default.
  await page.reload();
  await page.getByRole("tab", { name: "Operate" }).click();
  const panel = page.getByTestId("operate-panel");
  const fromSelect = panel.getByLabel("From version");
  const fromValue = await fromSelect.locator("option", { hasText: new RegExp(`^v${wf.liveVersion} `) }).getAttribute("value");
  await fromSelect.selectOption(fromValue!);
  await panel.getByRole("button", { name: "Preview migration" }).click();
  const plan = panel.getByTestId("migration-plan");
  await expect(plan.getByLabel("Map ready_to_ship to")).toHaveValue("ready_to_ship");
  await expect(plan.getByTestId("migration-counts")).toContainText("0 cannot be mapped");
  await plan.getByRole("button", { name: /^Migrate \d+ orders…$/ }).click();
  await panel.getByRole("alertdialog").getByRole("button", { name: "Confirm migration" }).click();
  await expect(panel.getByTestId("operation-progress")).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect.poll(() => versionOf(declined[0]!.id)).not.toBe(v1);
  expect(await orderState(declined[0]!.id)).toBe("ready_to_ship");

  // SLA breach: one of ours has been in Ready to ship for 5 minutes now.
  const late = declined[0]!;
  await backdateState(late.id, 300);
  await page.getByTestId("live-toggle").click();
  await expect(page.getByTestId("state-node-ready_to_ship").getByTestId("live-overdue")).toContainText(/[1-9]\d* over SLA/);
  await expect(page.getByTestId("state-node-ready_to_ship")).toHaveAttribute("data-over-sla", "true");

  // The SLA job (a cron) notifies every admin once: the bell in the header shows it.
  await tickCrons();
  const bell = page.getByTestId("admin-bell");
  await expect
    .poll(
      async () => {
        await page.reload();
        await expect(bell).toBeVisible();
        await bell.click();
        const found = await page.getByTestId("admin-inbox").getByText(`Order #${late.number} over SLA in Ready to ship`).count();
        await bell.click();
        return found;
      },
      { timeout: 60_000, intervals: [2_000] },
    )
    .toBe(1);
  await expect(page.getByTestId("admin-bell-count")).toHaveText(/^[1-9]\d*$/);
  await bell.click();
  const item = page
    .getByTestId("admin-inbox")
    .getByTestId("admin-notification")
    .filter({ hasText: `Order #${late.number}` });
  await item.getByRole("button", { name: /^Mark ".*" read$/ }).click();
  await expect(item.getByRole("button", { name: /^Mark ".*" read$/ })).toHaveCount(0);
  await page.keyboard.press("Escape");

  // The dashboard counts it too.
  await page.goto("/dashboard");
  await expect(page.getByTestId("kpi-over-sla-value")).toHaveText(/^[1-9]\d*$/);

  // Versions: the semantic diff names the SLA change; restore the seed's v1 as the draft.
  await openDesigner(page, workflowId);
  await page.getByRole("tab", { name: "Versions" }).click();
  const versions = page.getByTestId("versions-panel");
  await versions.getByLabel("From", { exact: true }).selectOption({ label: `v${wf.liveVersion}` });
  await versions.getByLabel("To", { exact: true }).selectOption({ label: `v${next} (live)` });
  await versions.getByRole("button", { name: "Show changes" }).click();
  await expect(versions.getByTestId("version-diff")).toContainText("changed state ready_to_ship");
  await expect(versions.getByTestId("version-diff")).toContainText("expectedWithinSeconds");
  await versions.getByRole("button", { name: "Restore v1 as the draft" }).click();
  await versions.getByRole("alertdialog").getByRole("button", { name: "Restore as draft" }).click();
  await expect(page.getByText("Restored v1 as the draft")).toBeVisible();
  await page.getByTestId("state-node-ready_to_ship").click();
  await expect(page.getByLabel("Expected within a time")).not.toBeChecked();
});

test("keyboard only: create a state, connect it, edit, delete; the help lists the keys", async ({ page }) => {
  test.setTimeout(120_000);
  await openDesigner(page, workflowId);
  await page.screenshot({ path: test.info().outputPath("design-1400.png") });
  await page.getByTestId("designer-canvas").click({ position: { x: 5, y: 5 } });

  // N: a new state, selected, its label field focused.
  await page.keyboard.press("n");
  const label = page.getByLabel("Label");
  await expect(label).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("Keyboard step");
  const node = page.locator('[data-testid^="state-node-state"]').filter({ hasText: "Keyboard step" });
  await expect(node).toBeVisible();
  const stateId = (await node.getAttribute("data-state-id"))!;
  await page.keyboard.press("Escape"); // leaves the field; keys are commands again

  // C: connect it to Shipped (choose in the dialog, Enter).
  await page.keyboard.press("c");
  const dialog = page.getByRole("dialog", { name: /Connect/ });
  await expect(dialog.getByTestId("connect-target")).toBeFocused();
  await page.keyboard.type("Shipped");
  await expect(dialog.getByTestId("connect-target")).toHaveValue("shipped");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  const edge = page.getByTestId(`edge-label-t_${stateId}_shipped`);
  await expect(edge).toBeVisible();
  await expect(page.getByTestId("transition-inspector")).toBeVisible();

  // E: edit the transition (focus its first field); Esc; Delete removes it.
  await page.keyboard.press("e");
  await expect(page.locator("#panel-inspect :focus")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Delete");
  await expect(edge).toHaveCount(0);

  // [ from no selection picks the last state (ours); Delete removes it; Ctrl+Z brings it back, Ctrl+Shift+Z removes it again.
  await page.keyboard.press("Escape");
  await page.keyboard.press("[");
  await expect(page.getByTestId("state-inspector")).toBeVisible();
  await expect(label).toHaveValue("Keyboard step");
  await page.keyboard.press("Delete");
  await expect(node).toHaveCount(0);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(node).toBeVisible();
  await page.keyboard.press("ControlOrMeta+Shift+z");
  await expect(node).toHaveCount(0);
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  // ?: the help lists the keys; Esc closes it.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByTestId("keyboard-help")).toContainText("Connect the selected state");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // Tab reaches the states: focus is visible and Enter selects one.
  const first = page.locator(".react-flow__node").first();
  await first.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("state-inspector")).toBeVisible();
});

test("the designer passes the axe accessibility check, in design and live mode", async ({ page }) => {
  test.setTimeout(120_000);
  workflowId ||= (await defaultWorkflow(page)).id;
  await openDesigner(page, workflowId);
  const check = async (what: string) => {
    const result = await new AxeBuilder({ page }).analyze();
    const found = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 25).map((n) => `${n.target.join(" ")} ${n.html.slice(0, 90)}`),
    }));
    expect(found, what).toEqual([]);
  };
  await check("design mode");
  await page.getByTestId("state-node-processing").click();
  await check("design mode, a state selected");
  await page.getByTestId("live-toggle").click();
  await expect(page.getByTestId("state-node-ready_to_ship").getByTestId("live-now")).toBeVisible();
  await page.getByTestId("state-node-ready_to_ship").click();
  await expect(page.getByTestId("state-orders-count")).toBeVisible();
  await check("live mode, the operate panel open");
  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await check("keyboard help");
});
