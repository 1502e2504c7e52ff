import "server-only";
import { createHash } from "node:crypto";
import type postgres from "postgres";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { getSql } from "@/db/client";
import { rateLimited } from "../errors/app-error";
import { type Env, env } from "../env";
import { pgStoreClient } from "./pg-store-client";

/** Every limiter (docs/security.md, "Limits"); the name is the key prefix in `rate_limits`. */
const SETTINGS = {
  signin_ip: (e: Env) => [e.RATE_LIMIT_SIGNIN_IP_POINTS, e.RATE_LIMIT_SIGNIN_IP_SECONDS],
  signin_account: (e: Env) => [e.RATE_LIMIT_SIGNIN_ACCOUNT_POINTS, e.RATE_LIMIT_SIGNIN_ACCOUNT_SECONDS],
  signup_ip: (e: Env) => [e.RATE_LIMIT_SIGNUP_IP_POINTS, e.RATE_LIMIT_SIGNUP_IP_SECONDS],
  code_ip: (e: Env) => [e.RATE_LIMIT_CODE_IP_POINTS, e.RATE_LIMIT_CODE_IP_SECONDS],
  code_account: (e: Env) => [e.RATE_LIMIT_CODE_ACCOUNT_POINTS, e.RATE_LIMIT_CODE_ACCOUNT_SECONDS],
  token_ip: (e: Env) => [e.RATE_LIMIT_TOKEN_IP_POINTS, e.RATE_LIMIT_TOKEN_IP_SECONDS],
  token_account: (e: Env) => [e.RATE_LIMIT_TOKEN_ACCOUNT_POINTS, e.RATE_LIMIT_TOKEN_ACCOUNT_SECONDS],
  intake_ip: (e: Env) => [e.RATE_LIMIT_INTAKE_IP_POINTS, e.RATE_LIMIT_INTAKE_IP_SECONDS],
} as const satisfies Record<string, (e: Env) => readonly [number, number]>;

export type LimiterName = keyof typeof SETTINGS;

const globalForLimiters = globalThis as unknown as { replenLimiters?: { sql: postgres.Sql; byName: Map<LimiterName, RateLimiterPostgres> } };

/**
 * The named limiter on the process's pool. Built once per pool: the table exists (migration
 * 0003, `tableCreated: true`) and expired rows are purged by the `purge-security-records` cron,
 * not by a timer in every limiter of every app server (`clearExpiredByTimeout: false`).
 */
export function limiter(name: LimiterName): RateLimiterPostgres {
  const sql = getSql();
  if (globalForLimiters.replenLimiters?.sql !== sql) globalForLimiters.replenLimiters = { sql, byName: new Map() };
  const { byName } = globalForLimiters.replenLimiters;
  let found = byName.get(name);
  if (!found) {
    const [points, duration] = SETTINGS[name](env());
    found = new RateLimiterPostgres({
      storeClient: pgStoreClient(sql),
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points,
      duration,
    });
    byName.set(name, found);
  }
  return found;
}

/** An account's key: a hash of the normalised email, so the table holds no addresses and fits 255. */
export const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);

/**
 * Counts one request against the limit; over it, a RATE_LIMITED AppError (429, Retry-After).
 * For limits on every request (signup, token use, unsigned intake).
 */
export async function consumeOrThrow(name: LimiterName, key: string, message: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw rateLimited(message, e.msBeforeNext);
    throw e;
  }
}

/**
 * Refuses when the key has used up its points in this window, without counting this request.
 * For limits on failures (sign-in, unknown tokens): check first, count only when it fails.
 */
export async function refuseIfExhausted(name: LimiterName, key: string, message: string): Promise<void> {
  const l = limiter(name);
  const res = await l.get(key);
  if (res && res.consumedPoints >= l.points) throw rateLimited(message, res.msBeforeNext);
}

/** Counts a failure (never rejects: the next request is the one refused). */
export async function countFailure(name: LimiterName, key: string): Promise<void> {
  await limiter(name).penalty(key, 1);
}

/** Forgets the key's failures (a successful sign-in on the account). */
export async function resetLimit(name: LimiterName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
