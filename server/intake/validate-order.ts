import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { customers, products } from "@/db/schema";
import { checkTotals } from "./adapters/check-totals";
import type { ChannelSettings } from "./channel-settings";
import type { IntakeIssue, StoredCanonical } from "./intake-status";

export type ResolvedLine = { productId: string; productName: string };
export type ValidOrder = {
  ok: true;
  /** Product of each canonical line, by index. */
  lines: ResolvedLine[];
  /** The existing customer, or null when one will be created from the order (lenient mode). */
  customerId: string | null;
  /** Order flags: `totals_mismatch` (lenient totals), `test` (accepted test order). */
  flags: string[];
};
export type OrderValidation = ValidOrder | { ok: false; errors: IntakeIssue[] };

/**
 * Validation after the adapter's completeness checks (docs/intake-governance.md, "Validation"):
 * - references: every line's SKU is a product and sellable; the customer exists by email
 *   (case-insensitive) or, in lenient customer mode, will be created;
 * - totals: checkTotals in the channel's mode (strict rejects, lenient flags).
 * Reads only; creating the customer belongs to the transaction that creates the order.
 * Every problem is reported, not just the first.
 */
export async function validateOrder(db: DbOrTx, order: StoredCanonical, settings: ChannelSettings): Promise<OrderValidation> {
  const errors: IntakeIssue[] = [];
  const skus = [...new Set(order.lines.map((l) => l.sku))];
  const found = await db
    .select({ id: products.id, sku: products.sku, name: products.name, sellable: products.sellable })
    .from(products)
    .where(inArray(products.sku, skus));
  const bySku = new Map(found.map((p) => [p.sku, p]));
  const lines: ResolvedLine[] = [];
  order.lines.forEach((line, i) => {
    const product = bySku.get(line.sku);
    if (!product) {
      errors.push({
        path: `lines[${i}].sku`,
        code: "unknown_sku",
        message: `Unknown SKU "${line.sku}": no product has it (add a SKU alias or fix the payload)`,
      });
    } else if (!product.sellable) {
      errors.push({ path: `lines[${i}].sku`, code: "sku_not_sellable", message: `SKU "${line.sku}" is not sellable` });
    } else {
      lines.push({ productId: product.id, productName: product.name });
    }
  });

  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(sql`lower(${customers.email}) = lower(${order.customer.email})`)
    .orderBy(sql`${customers.email} = ${order.customer.email} DESC`)
    .limit(1);
  if (!customer && settings.customerMode === "strict") {
    errors.push({
      path: "customer.email",
      code: "unknown_customer",
      message: `No customer with email ${order.customer.email} (this channel requires existing customers)`,
    });
  }

  const totals = checkTotals(order, settings.totalsMode);
  if (!totals.ok) {
    totals.issues.forEach((issue, i) => errors.push({ path: issue.path, code: issue.code, message: totals.errors[i]?.message ?? issue.code }));
  }

  if (errors.length > 0) return { ok: false, errors };
  const flags = [...(totals.issues.length > 0 ? ["totals_mismatch"] : []), ...(order.test ? ["test"] : [])];
  return { ok: true, lines, customerId: customer?.id ?? null, flags };
}
