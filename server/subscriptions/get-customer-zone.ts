import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers } from "@/db/schema";
import { notFound } from "../errors/app-error";
import { toLocalDate } from "../schedule";

/** The customer's time zone and today's local date there (the setup page's default and minimum). */
export async function getCustomerZone(db: DbOrTx, customerId: string, now: Date): Promise<{ timeZone: string; today: string }> {
  const [row] = await db.select({ timeZone: customers.timeZone }).from(customers).where(eq(customers.id, customerId));
  if (!row) throw notFound("Customer");
  return { timeZone: row.timeZone, today: toLocalDate(now, row.timeZone) };
}
