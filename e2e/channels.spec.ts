import { createHmac, randomInt } from "node:crypto";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { startFakeChannels, type FakeChannels } from "../test/support/intake/channel-fakes/fake-channels";
import { DEMO, signIn } from "./support/auth";

/**
 * An admin connects a Shopify store (the fake Admin API on loopback plays the store), tests the
 * connection against it, the store delivers a signed webhook to the store's own URL, and the
 * store's health shows the delivery. Credentials are never shown back.
 */
let fake: FakeChannels;
test.beforeAll(async () => {
  fake = await startFakeChannels();
});
test.afterAll(() => fake.close());

test("an admin connects a store, tests it against the store's API and sees its health", async ({ page, request }) => {
  const slug = `e2e-${randomInt(1e6)}`;
  const secret = "e2e-store-webhook-secret-0123";
  await signIn(page, DEMO.admin);
  await page.goto("/intake");
  const form = page.getByRole("form", { name: "Connect a store" });
  await form.getByLabel("Channel").selectOption("shopify");
  await form.getByLabel("Store name").fill(`Fake shop ${slug}`);
  await form.getByLabel("Handle").fill(slug);
  await form.getByLabel("API base URL").fill(fake.base.shopify);
  await form.getByLabel("Admin API access token").fill("shpat_fake_token");
  await form.getByLabel("Webhook secret").fill(secret);
  await form.getByRole("button", { name: "Connect store" }).click();
  await expect(form.getByRole("status")).toContainText(`Connected Fake shop ${slug}`);
  await expect(page.locator("body")).not.toContainText("shpat_fake_token");

  const row = page.getByRole("list", { name: "Connected stores" }).getByRole("listitem", { name: `Fake shop ${slug}` });
  await row.getByRole("button", { name: "Test connection" }).click();
  await expect(row.getByRole("status")).toHaveText("Connected to Shopify shop Fake Shopify Shop");

  // The store delivers an order webhook to its own URL, signed with its own secret.
  const webhookPath = await row.locator("code").innerText();
  const body = fs
    .readFileSync("test/support/intake/fixtures/shopify-orders-create.json", "utf8")
    .replace('"id": 5987431293829471813,', `"id": ${randomInt(1e9)},`);
  const posted = await request.post(webhookPath, {
    data: Buffer.from(body),
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body).digest("base64"),
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Webhook-Id": `e2e-${slug}`,
    },
  });
  expect(posted.status()).toBeLessThan(500);

  await page.reload();
  const health = page.getByRole("table", { name: "Channel health" }).getByRole("row", { name: new RegExp(`Fake shop ${slug}`) });
  // Delivered just now (whatever intake made of the order: this database's catalog may lack its SKUs).
  await expect(health.getByRole("cell").nth(2)).not.toHaveText("never");
  await expect(health.getByRole("cell").nth(3)).toHaveText(/^\d+ s$/);
});
