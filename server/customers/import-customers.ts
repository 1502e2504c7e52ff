import "server-only";
import type { Database } from "@/db/client";
import { addresses, auditLog, customers, users } from "@/db/schema";

export type ImportedCustomer = {
  email: string;
  name: string;
  timeZone: string;
  tier?: string;
  region?: string | null;
  address: { line1: string; city: string; region?: string | null; postalCode: string; country: string; valid?: boolean };
};

/**
 * Creates many customers at once, each with a portal login that has no password yet (they
 * sign in once they set one; until then the account cannot be entered) and a default
 * address: one transaction, three set-based inserts and an audit row per customer. The batch
 * form of registerCustomer for bulk sources (the demo seed, an import); it skips scrypt, which
 * costs ~50 ms per customer and would buy nothing for a login without a password.
 * Emails are unique: a taken one fails the whole batch (the caller passes fresh data).
 */
export async function importCustomers(
  db: Database,
  rows: readonly ImportedCustomer[],
  now: Date,
): Promise<Array<{ userId: string; customerId: string; email: string }>> {
  if (rows.length === 0) return [];
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(users)
      .values(rows.map((r) => ({ email: r.email, name: r.name, role: "customer" as const, passwordHash: null })))
      .returning({ id: users.id, email: users.email });
    const userOf = new Map(created.map((u) => [u.email, u.id]));
    const inserted = await tx
      .insert(customers)
      .values(
        rows.map((r) => ({
          userId: userOf.get(r.email)!,
          email: r.email,
          name: r.name,
          timeZone: r.timeZone,
          tier: r.tier ?? "standard",
          region: r.region ?? null,
          createdAt: now,
        })),
      )
      .returning({ id: customers.id, email: customers.email, userId: customers.userId });
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    await tx.insert(addresses).values(
      inserted.map((c) => {
        const r = byEmail.get(c.email)!;
        return { customerId: c.id, name: r.name, ...r.address, region: r.address.region ?? null, valid: r.address.valid ?? true, isDefault: true };
      }),
    );
    await tx.insert(auditLog).values(
      inserted.map((c) => ({
        at: now,
        actorType: "system" as const,
        actorId: "import",
        entityType: "customer",
        entityId: c.id,
        action: "registered",
      })),
    );
    return inserted.map((c) => ({ userId: c.userId!, customerId: c.id, email: c.email }));
  });
}
