import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/**
 * rate-limiter-flexible's Postgres store (server/security/rate-limiters.ts), one table for
 * every limiter: `key` is `<limiter>:<ip or account>`, `points` what was consumed in the
 * window, `expire` when the window ends (epoch ms). The columns are the library's own
 * (RateLimiterPostgres `_getCreateTableStmt`); it is created here, not by the library
 * (`tableCreated: true`), so no app server needs CREATE rights. Expired rows are deleted by
 * the `purge-security-records` cron.
 */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
