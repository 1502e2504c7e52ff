import { expect, type Page } from "@playwright/test";
import postgres from "postgres";
import { e2eEnv } from "./order-factory";

/** A query against the e2e database (one connection, closed after). */
export async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** Sets one reason's save offer through the merchandiser's page, as a merchandiser would. */
export async function configureOffer(page: Page, reasonLabel: string, set: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.goto("/save-offers");
  const form = page.getByRole("form", { name: reasonLabel });
  await expect(form).toBeVisible();
  await set(form);
  await form.getByRole("button", { name: "Save offer" }).click();
  await expect(form.getByText("Saved.")).toBeVisible();
}

/** Orders of one subscription, oldest cycle first, as generation left them. */
export async function ordersOf(subscriptionId: string) {
  return withSql(
    (sql) =>
      sql<Array<{ cycle_index: number; subtotal_minor: string; discount_minor: string; total_minor: string }>>`
      SELECT cycle_index, subtotal_minor::text, discount_minor::text, total_minor::text FROM orders
      WHERE subscription_id = ${subscriptionId} ORDER BY cycle_index`,
  );
}
