import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../client";
import { NestedCheckoutError } from "../nested-checkout-guard";
import { products } from "../schema";

const url = () => process.env.DATABASE_URL!;
/** drizzle wraps driver errors ("Failed query: …"); the reason is the cause. */
const cause = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof Error && e.cause instanceof Error ? e.cause : e),
  );

describe("connection pool rules", () => {
  const pools: { sql: { end: () => Promise<void> } }[] = [];
  const pool = (o: Parameters<typeof createDb>[1]) => {
    const c = createDb(url(), o);
    pools.push(c);
    return c;
  };
  afterAll(async () => {
    for (const p of pools) await p.sql.end();
  });

  it("fails loudly when code inside a transaction queries the pool instead of the transaction", async () => {
    const { db } = pool({ max: 2, guardNestedCheckout: true });
    const inside = db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1`);
      await db.select().from(products); // the bug: a second connection while holding the first
    });
    expect(await cause(inside)).toBeInstanceOf(NestedCheckoutError);
    // …and a nested db.transaction is the same mistake.
    expect(await cause(db.transaction(async () => db.transaction(async () => 1)))).toBeInstanceOf(NestedCheckoutError);
    // Outside a transaction, and through the transaction handle, everything works.
    await expect(db.transaction(async (tx) => (await tx.execute(sql`SELECT 2 AS n`))[0]!.n)).resolves.toBe(2);
    await expect(db.execute(sql`SELECT 3 AS n`)).resolves.toEqual([{ n: 3 }]);
  });

  it("without the guard the same code deadlocks a full pool, which is why the guard exists", async () => {
    const { db } = pool({ max: 1, guardNestedCheckout: false, idleInTransactionTimeoutMs: 1_000 });
    // The transaction holds the only connection and waits for a second; PostgreSQL's idle-in-
    // transaction timeout is what finally ends it.
    const outcome = await db
      .transaction(async (tx) => {
        await tx.execute(sql`SELECT 1`);
        await db.execute(sql`SELECT 1`);
      })
      .then(
        () => "finished",
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    expect(outcome).not.toBe("finished");
  });

  it("configures statement and idle-in-transaction timeouts on every connection", async () => {
    const { db } = pool({ max: 1, statementTimeoutMs: 1_234, idleInTransactionTimeoutMs: 5_678 });
    const [row] = await db.execute<{ s: string; i: string }>(sql`
      SELECT current_setting('statement_timeout') AS s, current_setting('idle_in_transaction_session_timeout') AS i`);
    expect(row).toEqual({ s: "1234ms", i: "5678ms" });
    expect(String(await cause(db.execute(sql`SELECT pg_sleep(2)`)))).toMatch(/statement timeout/);
  });
});
