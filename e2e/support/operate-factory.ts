import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { e2eEnv } from "./order-factory";

/** Setup and checks for e2e/operate.spec.ts, straight on the e2e database (as order-factory does). */
async function withSql<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(e2eEnv().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

/** A customer with a saved test card and the demo customer's (valid) address; returns their email. */
export async function makeCustomer(card: string): Promise<string> {
  const email = `ops-${randomBytes(4).toString("hex")}@e2e.test`;
  await withSql((sql) =>
    sql.begin(async (tx) => {
      const [c] = await tx<Array<{ id: string }>>`INSERT INTO customers (email, name) VALUES (${email}, 'Olive Ops') RETURNING id`;
      await tx`INSERT INTO payment_methods (customer_id, gateway, token, last4) VALUES (${c!.id}, 'test', ${card}, ${card.slice(-4)})`;
      await tx`
        INSERT INTO addresses (customer_id, name, line1, city, region, postal_code, country, valid, is_default)
        SELECT ${c!.id}, name, line1, city, region, postal_code, country, valid, true FROM addresses
        WHERE customer_id = (SELECT id FROM customers WHERE email = 'customer@replen.dev') ORDER BY is_default DESC LIMIT 1`;
    }),
  );
  return email;
}

/** The customer fixed their card (the payments domain is not under test here). */
export const setCard = (email: string, card: string) =>
  withSql(
    (sql) =>
      sql`UPDATE payment_methods SET token = ${card}, last4 = ${card.slice(-4)} WHERE customer_id = (SELECT id FROM customers WHERE email = ${email})`,
  );

/** Time passes for one order: it entered its state `seconds` earlier. */
export const backdateState = (orderId: string, seconds: number) =>
  withSql((sql) => sql`UPDATE orders SET state_entered_at = state_entered_at - make_interval(secs => ${seconds}) WHERE id = ${orderId}`);

export const versionOf = (orderId: string) =>
  withSql(async (sql) => (await sql<Array<{ v: number }>>`SELECT workflow_version_id AS v FROM orders WHERE id = ${orderId}`)[0]?.v ?? null);
