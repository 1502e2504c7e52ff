import "server-only";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/pg-error";
import { products } from "@/db/schema";
import { invalid } from "../errors/app-error";
import { auditContinuity } from "./audit-program";

/**
 * An "item of the month" placeholder, created from the editor. Never sellable and never
 * stocked (no inventory row): generation ships its substitute for the delivery date.
 */
export async function createPhantomProduct(db: Database, userId: string, input: { name: string; sku: string }) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(products)
        .values({
          sku: input.sku,
          name: input.name,
          kind: "phantom",
          sellable: false,
          priceMinor: 0,
          category: "phantom",
        })
        .returning({ id: products.id, sku: products.sku, name: products.name, kind: products.kind, priceMinor: products.priceMinor });
      if (!row) throw new Error("insert returned no row");
      await auditContinuity(tx, { type: "user", userId }, [
        { entityType: "product", entityId: row.id, action: "phantom_product_created", data: { sku: input.sku } },
      ]);
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ sku: "A product with this SKU already exists" });
    throw e;
  }
}
