import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

const SKU = "RAZ-BLADE-8";

async function signUp(page: Page, email: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Fran Forecast");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/subscriptions\/new$/);
}

const addDaysUtc = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function skuTotal(page: Page): Promise<number> {
  const row = page.getByTestId(`forecast-row-${SKU}`);
  if ((await row.count()) === 0) return 0;
  return Number(await row.locator("td").last().textContent());
}

/**
 * #16: a subscription a customer creates shows up in the merchandiser's forecast on the next
 * refresh, and the forecast downloads as CSV.
 */
test("a new subscription shows up in the forecast, and the forecast downloads as CSV", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.merchandiser);
  await page.getByRole("link", { name: "Forecast" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forecast" })).toBeVisible();
  await page.getByTestId("forecast-weeks").selectOption("4");
  await expect(page.getByTestId("forecast-table")).toBeVisible();
  const before = await skuTotal(page);

  // A customer subscribes weekly to 3 razor-blade packs starting a week from now.
  const customer = await browser.newPage({ timezoneId: "America/New_York" });
  await signUp(customer, `fran-${Date.now()}@example.test`);
  const { products } = (await (await customer.request.get("/api/v1/products")).json()) as { products: Array<{ id: string; sku: string }> };
  const product = products.find((p) => p.sku === SKU)!;
  const created = await customer.request.post("/api/v1/subscriptions", {
    data: { productId: product.id, quantity: 3, frequency: "weekly", startDate: addDaysUtc(7), localTime: "09:00", end: { kind: "until_cancelled" } },
    headers: { origin: new URL(customer.url()).origin },
  });
  expect(created.status()).toBe(201);
  await customer.close();

  // Days 7, 14 and 21 of the 4-week window (the first maybe already ordered at confirmation).
  await page.reload();
  await page.getByTestId("forecast-weeks").selectOption("4");
  await expect.poll(() => skuTotal(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(before + 6);
  const added = (await skuTotal(page)) - before;
  expect(added % 3).toBe(0);
  await expect(page.getByTestId("forecast-weekly-chart").getByRole("img")).toHaveAttribute("aria-label", /\S/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("forecast-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^forecast-\d{4}-\d{2}-\d{2}-4w\.csv$/);
  const csv = await fs.readFile((await download.path())!, "utf8");
  const [header, ...rows] = csv.trim().split("\r\n");
  expect(header).toMatch(/^sku,name,on_hand,available,week_of_/);
  const line = rows.find((r) => r.startsWith(`${SKU},`))!;
  expect(Number(line.split(",").at(-2))).toBe(before + added);
});
