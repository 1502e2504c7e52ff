import { createHmac, randomInt } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { DEMO, signIn } from "./support/auth";

/**
 * A Shopify orders/create webhook whose SKUs the store doesn't know reaches the running app
 * with a valid signature, is dead-lettered, and an admin fixes it on /intake with SKU aliases
 * and replays it: the order is created and enters its workflow.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The e2e server's secrets (a production build refuses public defaults); the dev default against `npm run dev`. */
function shopifySecret(): string {
  const file = `.data/e2e-env-${PORT}.json`;
  const fromServer = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { secrets?: Record<string, string> }).secrets : undefined;
  return fromServer?.INTAKE_SECRET_SHOPIFY ?? process.env.INTAKE_SECRET_SHOPIFY ?? "dev-shopify-secret";
}
const SCREENSHOTS = process.env.SCREENSHOTS === "1";

function shopifyWebhook(): { body: string; externalId: string } {
  const fixture = fs.readFileSync("test/support/intake/fixtures/shopify-orders-create.json", "utf8");
  // A fresh 64-bit order id, kept as an unquoted number literal exactly as Shopify sends it.
  const externalId = `59${String(randomInt(1e9)).padStart(9, "0")}${String(randomInt(1e8)).padStart(8, "0")}`;
  const body = fixture.replace('"id": 5987431293829471813,', `"id": ${externalId},`);
  expect(body).toContain(externalId);
  return { body, externalId };
}

function databaseUrl(): string | undefined {
  const file = `.data/e2e-env-${PORT}.json`;
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as { databaseUrl: string }).databaseUrl : process.env.E2E_DATABASE_URL;
}

test("an admin fixes a dead-lettered Shopify order with SKU aliases and replays it into its workflow", async ({ page, request }) => {
  const { body, externalId } = shopifyWebhook();
  const signature = createHmac("sha256", shopifySecret()).update(body).digest("base64");
  const posted = await request.post("/api/intake/shopify", {
    data: Buffer.from(body),
    headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": signature, "X-Shopify-Topic": "orders/create" },
  });
  expect(posted.status()).toBe(422);
  const deadLetter = (await posted.json()) as { payloadId: string; deadLetter: boolean; error: { reasons: Array<{ code: string }> } };
  expect(deadLetter).toMatchObject({ deadLetter: true, error: { reasons: [{ code: "unknown_sku" }, { code: "unknown_sku" }] } });

  await signIn(page, DEMO.admin);
  await page.goto("/intake");
  await expect(page.getByRole("heading", { level: 1, name: "Order intake" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /Shopify/ })).toHaveAttribute("aria-selected", "true");
  const group = page.getByRole("region", { name: /Unknown SKU/ });
  const row = group.getByTestId("dead-letter-row").filter({ hasText: externalId });
  await expect(row).toContainText("FLT-CART-3PK");
  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/intake.png", fullPage: true });
  await row.getByRole("link", { name: "Open" }).click();

  await expect(page).toHaveURL(new RegExp(`/intake/${deadLetter.payloadId}$`));
  await expect(page.getByTestId("payload-status")).toContainText("dead lettered");
  await expect(page.getByTestId("raw-payload")).toContainText(`"id": ${externalId},`);
  const errors = page.getByRole("list", { name: "Errors" });
  await expect(errors).toContainText("lines[0].sku");
  await expect(errors).toContainText('Unknown SKU "FLT-CART-3PK"');

  for (const [from, to] of [
    ["FLT-CART-3PK", "WTR-FILTER-3"],
    ["BEAN-ESP-1KG", "COF-BEAN-1KG"],
  ] as const) {
    await page.getByLabel(`Map ${from} to`).fill(to);
    await page.getByLabel(`Map ${from} to`).locator("xpath=ancestor::form").getByRole("button", { name: "Add SKU alias" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Alias saved: ${from} → ${to}` })).toBeVisible();
  }

  if (SCREENSHOTS) await page.screenshot({ path: "public/screenshots/intake-dead-letter.png", fullPage: true });
  await page.getByRole("button", { name: "Replay", exact: true }).click();
  await expect(page.getByTestId("replay-result")).toContainText("Accepted: order created");
  await expect(page.getByTestId("payload-status")).toContainText("accepted");
  const orderLink = page.getByRole("link", { name: /^#\d+$/ });
  await expect(orderLink).toBeVisible();
  const orderId = (await orderLink.getAttribute("href"))!.replace("/orders/", "");

  // The channel redelivering the webhook now gets the original result, and no second order.
  const again = await request.post("/api/intake/shopify", {
    data: Buffer.from(body),
    headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": signature },
  });
  expect(again.status()).toBe(200);
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toMatchObject({ payloadId: deadLetter.payloadId, orderId });

  // It entered its workflow: the runtime pinned a version and moved it past `created`.
  const url = databaseUrl();
  expect(url, "e2e database url (.data/e2e-env-<port>.json)").toBeTruthy();
  const sql = postgres(url!, { max: 1, onnotice: () => {} });
  try {
    await expect
      .poll(
        async () => {
          const [o] = await sql<
            { state: string; workflow_version_id: number | null }[]
          >`SELECT state, workflow_version_id FROM orders WHERE id = ${orderId}`;
          return o && o.workflow_version_id !== null && o.state !== "created" ? o.state : null;
        },
        { timeout: 30_000 },
      )
      .not.toBeNull();
    const lines = await sql<{ sku: string }[]>`SELECT sku FROM order_lines WHERE order_id = ${orderId} ORDER BY sku`;
    expect(lines.map((l) => l.sku)).toEqual(["COF-BEAN-1KG", "WTR-FILTER-3"]);
  } finally {
    await sql.end();
  }

  await orderLink.click();
  await expect(page).toHaveURL(new RegExp(`/orders/${orderId}$`));
});
