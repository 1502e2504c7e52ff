import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { guardNestedCheckout } from "./nested-checkout-guard";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction handle; queries take `DbOrTx` so use-cases can compose them in one transaction. */
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Transaction;

type Cached = { url: string; sql: postgres.Sql; db: Database };
const globalForDb = globalThis as unknown as { replenDb?: Cached };

export type PoolOptions = {
  /** Connections in the pool (DATABASE_POOL_MAX, default 10). */
  max?: number;
  /** Server-side limit per statement (DATABASE_STATEMENT_TIMEOUT_MS, default 60 s; 0 = none). */
  statementTimeoutMs?: number;
  /**
   * A transaction left idle this long is killed by PostgreSQL (DATABASE_IDLE_TX_TIMEOUT_MS,
   * default 15 s): a stuck transaction gives its connection back instead of holding it forever.
   */
  idleInTransactionTimeoutMs?: number;
  /** Fail loudly on a pool query issued inside a transaction (on outside production). */
  guardNestedCheckout?: boolean;
};

const envInt = (name: string, fallback: number) => {
  const raw = process.env[name];
  const n = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
};

/** Pool settings from the environment (db/ reads process.env itself: it never imports server/). */
export function poolOptionsFromEnv(): Required<PoolOptions> {
  return {
    max: Math.max(1, envInt("DATABASE_POOL_MAX", 10)),
    statementTimeoutMs: envInt("DATABASE_STATEMENT_TIMEOUT_MS", 60_000),
    idleInTransactionTimeoutMs: envInt("DATABASE_IDLE_TX_TIMEOUT_MS", 15_000),
    guardNestedCheckout: process.env.DATABASE_GUARD_NESTED_CHECKOUT
      ? process.env.DATABASE_GUARD_NESTED_CHECKOUT === "1"
      : process.env.NODE_ENV !== "production",
  };
}

export function createDb(url: string, options: number | PoolOptions = {}): Cached {
  const o = { ...poolOptionsFromEnv(), ...(typeof options === "number" ? { max: options } : options) };
  // `onnotice` silenced: migrations emit NOTICEs that are noise in logs and tests.
  const raw = postgres(url, {
    max: o.max,
    onnotice: () => {},
    connection: {
      statement_timeout: o.statementTimeoutMs,
      idle_in_transaction_session_timeout: o.idleInTransactionTimeoutMs,
    },
  });
  const sql = o.guardNestedCheckout ? guardNestedCheckout(raw) : raw;
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
    globalForDb.replenDb = createDb(url);
  }
  return globalForDb.replenDb.db;
}

export function getSql(): postgres.Sql {
  getDb();
  return globalForDb.replenDb!.sql;
}

export { schema };
