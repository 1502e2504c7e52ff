import "server-only";
import type { Database } from "@/db/client";
import { isUniqueViolation } from "@/db/pg-error";
import { auditLog, customers, users } from "@/db/schema";
import { hashPassword } from "../auth/password";
import { invalid } from "../errors/app-error";
import type { RegisterCustomerInput } from "./register-customer.schema";

/** Creates a customer login and profile in one transaction; a taken email is a field error. */
export async function registerCustomer(db: Database, input: RegisterCustomerInput) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash, role: "customer" }).returning();
      const [customer] = await tx
        .insert(customers)
        .values({ userId: user!.id, email: input.email, name: input.name, timeZone: input.timeZone })
        .returning();
      await tx.insert(auditLog).values({
        actorType: "user", actorId: user!.id, entityType: "customer", entityId: customer!.id, action: "registered",
      });
      return { userId: user!.id, customerId: customer!.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw invalid({ email: "An account with this email already exists" });
    throw e;
  }
}
