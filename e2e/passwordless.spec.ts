import { expect, test } from "@playwright/test";
import { DEMO } from "./support/auth";
import { waitForEmail } from "./support/reminder-factory";

test("signs in with a one-time code sent by email instead of the password", async ({ page }) => {
  await page.goto("/signin?callbackUrl=%2Fsubscriptions");
  await page.getByRole("link", { name: "Email me a sign-in code instead" }).click();
  // The password form has an Email field too: fill only once the code form has replaced it.
  await expect(page.getByRole("button", { name: "Email me a code" })).toBeVisible();
  const since = Date.now();
  await page.getByLabel("Email").fill(DEMO.customer);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByRole("status")).toContainText(DEMO.customer);

  const email = await waitForEmail("Your Replen sign-in code", { since, to: DEMO.customer });
  const code = /sign-in code: (\d{6})/.exec(email)![1]!;

  await page.getByLabel("Sign-in code").fill("000000" === code ? "111111" : "000000");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That code is wrong or has expired")).toBeVisible();

  await page.getByLabel("Sign-in code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/subscriptions$/);
  await expect(page.getByTestId("whoami")).toContainText(DEMO.customer);
});
