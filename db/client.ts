import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; queries take `DbOrTx` so use-cases can compose them in one transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Transaction;

type Cached = { url: string; sql: postgres.Sql; db: Database };
const globalForDb = globalThis as unknown as { replenDb?: Cached };

export function createDb(url: string, max = 10): Cached {
  // `onnotice` silenced: migrations emit NOTICEs that are noise in logs and tests.
  const sql = postgres(url, { max, onnotice: () => {} });
  return { url, sql, db: drizzle(sql, { schema, casing: undefined }) };
}

/**
 * The process-wide client, cached on globalThis so Next.js hot reloads in development
 * don't open a new pool on every edit.
 */
export function getDb(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm run dev starts an embedded PostgreSQL and sets it)");
  if (!globalForDb.replenDb || globalForDb.replenDb.url !== url) {
    globalForDb.replenDb = createDb(url, Number(process.env.DATABASE_POOL_MAX ?? 10));
  }
  return globalForDb.replenDb.db;
}

export function getSql(): postgres.Sql {
  getDb();
  return globalForDb.replenDb!.sql;
}

export { schema };
