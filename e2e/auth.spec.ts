import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./support/auth";

test.describe("sign-in and roles", () => {
  test("signed-out visitors are sent to sign in", async ({ page }) => {
    await page.goto("/subscriptions");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsubscriptions/);
  });

  test("every response forbids framing and sniffing", async ({ request }) => {
    for (const path of ["/signin", "/api/health"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    }
  });

  test("a callbackUrl to another origin is ignored after sign-in", async ({ page }) => {
    await page.goto("/signin?callbackUrl=%2F%5Cevil.example%2Fphish");
    await page.getByLabel("Email").fill(DEMO.customer);
    await page.getByLabel("Password").fill("replen-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/subscriptions$/);
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.customer);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
  });

  const landings = [
    { role: "customer", email: DEMO.customer, landing: /\/subscriptions$/, heading: "Your subscriptions", refused: "/dashboard" },
    { role: "merchandiser", email: DEMO.merchandiser, landing: /\/programs$/, heading: "Continuity programs", refused: "/workflows" },
    { role: "admin", email: DEMO.admin, landing: /\/dashboard$/, heading: "Dashboard", refused: "/subscriptions" },
  ] as const;

  for (const { role, email, landing, heading, refused } of landings) {
    test(`${role} lands on their home page and is refused elsewhere`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(landing);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      await page.goto(refused);
      await expect(page).toHaveURL(/\/forbidden$/);
      await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
    });
  }

  test("the API refuses a customer reading staff data", async ({ page }) => {
    await signIn(page, DEMO.customer);
    const res = await page.request.get("/api/v1/admin/orders");
    expect(res.status()).toBe(403);
  });
});
