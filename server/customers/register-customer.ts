import "server-only";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/pg-error";
import { auditLog, customers, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import type { RegisterCustomerInput } from "./register-customer.schema";

export type RegisterResult = { created: true; userId: string; customerId: string } | { created: false };

/**
 * Creates a customer login and profile in one transaction. A taken email is NOT an error the
 * caller may show: the signup answer must be the same whether or not an account exists (no
 * account enumeration, #17), so it comes back as `{ created: false }` after the same scrypt
 * work as a real signup.
 */
export async function registerCustomer(db: Database, input: RegisterCustomerInput): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, role: "customer" }).returning();
      const [customer] = await tx
        .insert(customers)
        .values({ userId: user!.id, email: input.email, name: input.name, timeZone: input.timeZone })
        .returning();
      await tx.insert(auditLog).values({
        actorType: "user",
        actorId: user!.id,
        entityType: "customer",
        entityId: customer!.id,
        action: "registered",
      });
      return { created: true as const, userId: user!.id, customerId: customer!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) return { created: false };
    throw e;
  }
}
