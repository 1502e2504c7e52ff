import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { addresses, customers, inventory, paymentMethods, products, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { TEST_CARDS } from "../payments/test-cards";
import { seedDefaultWorkflow } from "../workflows/store/seed-default-workflow";
import { DEMO_CATALOG, DEMO_PASSWORD, DEMO_USERS } from "./demo-catalog";

/**
 * Seeds demo data once: skipped when any user exists, so restarting `npm run dev` never
 * duplicates or overwrites what you changed. Returns whether it seeded.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  // Idempotent on its own, so it also runs for databases seeded before workflows existed.
  await seedDefaultWorkflow(db);
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0) return false;
  const hash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, role: u.role, passwordHash: hash })))
      .returning();
    const customerUser = created.find((u) => u.role === "customer")!;
    const [customer] = await tx
      .insert(customers)
      .values({
        userId: customerUser.id,
        email: customerUser.email,
        name: customerUser.name ?? "",
        timeZone: "America/New_York",
        region: "US-East",
        tier: "gold",
      })
      .returning();
    await tx.insert(addresses).values({
      customerId: customer!.id,
      name: "Casey Customer",
      line1: "350 Fifth Avenue",
      city: "New York",
      region: "NY",
      postalCode: "10118",
      country: "US",
      isDefault: true,
    });
    await tx.insert(paymentMethods).values({ customerId: customer!.id, gateway: "test", token: TEST_CARDS.approve, brand: "visa", last4: "4242" });
    const rows = await tx
      .insert(products)
      .values(DEMO_CATALOG.map(({ stock: _stock, ...p }) => ({ ...p, imageUrl: `/products/${p.sku.toLowerCase()}.svg` })))
      .returning({ id: products.id, sku: products.sku });
    await tx.insert(inventory).values(rows.map((r) => ({ productId: r.id, onHand: DEMO_CATALOG.find((p) => p.sku === r.sku)!.stock })));
  });
  return true;
}
