import { expect, type Page } from "@playwright/test";

export const DEMO = {
  customer: "customer@replen.dev",
  merchandiser: "merch@replen.dev",
  admin: "admin@replen.dev",
} as const;
export const DEMO_PASSWORD = "replen-demo";

/** Signs in through the real form, as a user would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("whoami")).toContainText(email);
}
