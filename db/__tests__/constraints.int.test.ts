import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { isCheckViolation } from "../pg-error";
import { inventory, products } from "../schema";

describe("database guards", () => {
  it("refuses to reserve more stock than is on hand", async () => {
    const db = getDb();
    const [p] = await db.insert(products).values({ sku: "T-1", name: "Tea", priceMinor: 500 }).returning();
    await db.insert(inventory).values({ productId: p!.id, onHand: 3 });
    await db.update(inventory).set({ reserved: 3 }).where(eq(inventory.productId, p!.id));
    const error = await db
      .update(inventory)
      .set({ reserved: sql`${inventory.reserved} + 1` })
      .where(eq(inventory.productId, p!.id))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isCheckViolation(error, "inventory_reserved_range")).toBe(true);
  });

  it("runs each file on its own migrated database", async () => {
    const rows = await getDb().execute(sql`SELECT current_database() AS name`);
    expect(String(rows[0]!.name)).toMatch(/^replen_test_/);
  });
});
