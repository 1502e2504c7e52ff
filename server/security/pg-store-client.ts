import type postgres from "postgres";

/** What RateLimiterPostgres calls on a `storeType: 'pool'` client (node-postgres's shape). */
export type PgStoreClient = {
  query(q: { text: string; values?: unknown[]; name?: string }): Promise<{ rows: Record<string, unknown>[]; rowCount: number }>;
};

const INT8 = 20;

/**
 * Our postgres.js pool as the pg-style client rate-limiter-flexible expects: `query({ text,
 * values })` → `{ rows, rowCount }` (the library reads `rowCount` after SELECT and DELETE).
 * Runs on the pool, never in a transaction — the nested-checkout guard makes a call from
 * inside one throw in tests. postgres.js returns int8 as a string; the library computes with
 * `expire` (epoch ms, well within 2^53), so int8 columns come back as numbers. The statement
 * name pg would prepare under is ignored: postgres.js prepares by text itself.
 */
export function pgStoreClient(sql: postgres.Sql): PgStoreClient {
  return {
    async query({ text, values = [] }) {
      const result = await sql.unsafe(text, values as postgres.ParameterOrJSON<never>[]);
      const int8 = result.columns?.filter((c) => c.type === INT8).map((c) => c.name) ?? [];
      const rows = (result as unknown as Record<string, unknown>[]).map((row) => {
        if (int8.length === 0) return { ...row };
        const out = { ...row };
        for (const name of int8) if (typeof out[name] === "string") out[name] = Number(out[name]);
        return out;
      });
      return { rows, rowCount: result.count ?? rows.length };
    },
  };
}
