import { expect, type Page, test } from "@playwright/test";
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

  test("pages carry a script-src CSP with a fresh nonce that Next's own scripts use", async ({ page, request }) => {
    const csp = async () => (await request.get("/signin")).headers()["content-security-policy"] ?? "";
    const first = await csp();
    expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(first).toContain("frame-ancestors 'none'");
    const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonceOf(await csp())).not.toBe(nonceOf(first));
    // The page's inline scripts carry the nonce of its own response, and nothing is blocked.
    const violations = watchCspViolations(page);
    const res = await page.goto("/signin");
    const nonce = nonceOf(res!.headers()["content-security-policy"] ?? "");
    expect(nonce).toBeTruthy();
    const inline = await page.locator("script:not([src])").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
    expect(inline.length).toBeGreaterThan(0);
    expect(new Set(inline)).toEqual(new Set([nonce]));
    await signIn(page, DEMO.admin);
    await page.goto("/workflows");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("signing in works with JavaScript disabled, by POST, and a wrong password says so", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
    await page.goto("/signin?callbackUrl=%2Fsubscriptions");
    await page.getByLabel("Email").fill(DEMO.customer);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/signin\?/);
    await expect(page.getByRole("alert").filter({ hasText: "Email or password is incorrect" })).toBeVisible();
    expect(page.url()).not.toContain("not-the-password");

    await page.getByLabel("Email").fill(DEMO.customer);
    await page.getByLabel("Password").fill("replen-demo");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/subscriptions$/);
    await expect(page.getByTestId("whoami")).toContainText(DEMO.customer);
    const callbacks = requests.filter((r) => r.includes("/api/auth/callback/credentials"));
    expect(callbacks).toHaveLength(2);
    expect(callbacks.every((r) => r.startsWith("POST "))).toBe(true);
    expect(requests.filter((r) => r.includes("replen-demo") || r.includes("not-the-password"))).toEqual([]);
    await context.close();
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

/** Collects the browser's CSP refusals on `page` (Chromium logs each as a console error). */
function watchCspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}
