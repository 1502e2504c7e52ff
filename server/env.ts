import { z } from "zod";

/**
 * Validated configuration. Read once; a bad value fails fast with the variable's name.
 * DATABASE_URL is optional here because `npm run dev` and the tests start an embedded
 * PostgreSQL and set it before the app reads it.
 */
const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).default("replen-dev-secret-change-me-in-production"),
  NEXTAUTH_URL: z.string().url().optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().default("smtp://127.0.0.1:2525"),
  MAIL_FROM: z.string().default("Replen <no-reply@replen.local>"),
  INNGEST_EVENT_KEY: z.string().optional(),
  INNGEST_SIGNING_KEY: z.string().optional(),
  INNGEST_DEV: z.string().optional(),
  INNGEST_BASE_URL: z.string().url().optional(),
  /** Kill switch: "1" stops scheduled order generation without a deploy. */
  GENERATION_DISABLED: z.enum(["0", "1", "true", "false"]).default("0"),
  GENERATION_BATCH_SIZE: z.coerce.number().int().positive().default(1000),
  /** Generation batches run in parallel per round (each its own transaction; SKIP LOCKED keeps them apart). */
  GENERATION_WORKERS: z.coerce.number().int().min(1).max(8).default(2),
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).default(3),
  /** Consecutive generation failures of one subscription before it is auto-paused. */
  GENERATION_MAX_FAILURES: z.coerce.number().int().positive().default(3),
  /** Delay before a failed cycle is retried; doubles with each consecutive failure. */
  GENERATION_RETRY_MINUTES: z.coerce.number().int().positive().default(60),
  APPROVAL_THRESHOLD_MINOR: z.coerce.number().int().positive().default(50_000),
  WEBHOOK_SIGNING_SECRET: z.string().default("replen-dev-webhook-secret"),
  /** Workflows: the workflow new orders are pinned to (its live version), by name. */
  ORDER_WORKFLOW_NAME: z.string().min(1).default("default"),
  /** Workflows: orders shipping outside this ISO country are `isInternational`. */
  HOME_COUNTRY: z.string().length(2).default("US"),
  /** Workflows: the sweeper re-drives orders idle this long in an automatic state. */
  WORKFLOW_STUCK_AFTER_MINUTES: z.coerce.number().positive().default(10),
  /**
   * Workflows, renewal-day sizing: order/created and order/state.entered are taken in batches
   * of WORKFLOW_BATCH_SIZE (or whatever arrived within a second); WORKFLOW_BATCH_RUNS batches
   * run at once, each driving WORKFLOW_BATCH_PARALLELISM orders at a time. Keep
   * RUNS × PARALLELISM + GENERATION_WORKERS below DATABASE_POOL_MAX so the portal always finds
   * a connection (docs/performance.md). 100 is the largest batch Inngest Cloud's Pro plan runs
   * (Free: 5, Business: 500); the local executor takes any size.
   */
  WORKFLOW_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
  WORKFLOW_BATCH_RUNS: z.coerce.number().int().min(1).max(64).default(2),
  WORKFLOW_BATCH_PARALLELISM: z.coerce.number().int().min(1).max(64).default(3),
  /** Workflows: per-order durable runs (the slow path) executing at once. */
  WORKFLOW_RUN_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(4),
  /** Workflows: webhook action request timeout. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Workflows: tax/customs check refuses international orders to these countries (comma list). */
  CUSTOMS_BLOCKED_COUNTRIES: z.string().default("CU,IR,KP,SY"),
  /** Payments: Stripe is used when set; otherwise the built-in test gateway. */
  STRIPE_SECRET_KEY: z.string().optional(),
  STRIPE_API_BASE: z.string().url().default("https://api.stripe.com"),
  /** Payments: dunning re-tries a declined payment after these delays (hours, comma list). */
  DUNNING_RETRY_HOURS: z
    .string()
    .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/)
    .default("24,72"),
  /**
   * Abuse limits (docs/security.md, "Limits"), kept in PostgreSQL (table rate_limits) so they
   * hold across app servers. Each is POINTS per window of SECONDS; over it the answer is 429
   * with Retry-After until the window ends. Defaults are far above what a person, the e2e suite
   * (every sign-in from 127.0.0.1) or the benches do.
   */
  /** Failed sign-ins from one IP address (any accounts). */
  RATE_LIMIT_SIGNIN_IP_POINTS: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_SIGNIN_IP_SECONDS: z.coerce.number().int().positive().default(900),
  /** Failed sign-ins on one account (from any IPs); a successful sign-in resets it. */
  RATE_LIMIT_SIGNIN_ACCOUNT_POINTS: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_SIGNIN_ACCOUNT_SECONDS: z.coerce.number().int().positive().default(900),
  /** Signup attempts from one IP address (each costs a scrypt hash). */
  RATE_LIMIT_SIGNUP_IP_POINTS: z.coerce.number().int().positive().default(50),
  RATE_LIMIT_SIGNUP_IP_SECONDS: z.coerce.number().int().positive().default(3600),
  /** Sign-in codes requested for one account (each sends an email), and from one IP address. */
  RATE_LIMIT_CODE_ACCOUNT_POINTS: z.coerce.number().int().positive().default(5),
  RATE_LIMIT_CODE_ACCOUNT_SECONDS: z.coerce.number().int().positive().default(900),
  RATE_LIMIT_CODE_IP_POINTS: z.coerce.number().int().positive().default(30),
  RATE_LIMIT_CODE_IP_SECONDS: z.coerce.number().int().positive().default(3600),
  /** How long an emailed sign-in code works. */
  SIGN_IN_CODE_TTL_MINUTES: z.coerce.number().int().min(1).max(60).default(10),
  /** Unknown bearer tokens presented from one IP address (token guessing). */
  RATE_LIMIT_TOKEN_IP_POINTS: z.coerce.number().int().positive().default(50),
  RATE_LIMIT_TOKEN_IP_SECONDS: z.coerce.number().int().positive().default(900),
  /** API calls with the bearer tokens of one account. */
  RATE_LIMIT_TOKEN_ACCOUNT_POINTS: z.coerce.number().int().positive().default(3000),
  RATE_LIMIT_TOKEN_ACCOUNT_SECONDS: z.coerce.number().int().positive().default(60),
  /** Intake requests from one IP address whose signature does not verify (or too large to check). */
  RATE_LIMIT_INTAKE_IP_POINTS: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_INTAKE_IP_SECONDS: z.coerce.number().int().positive().default(600),
  /**
   * Reverse proxies in front of `next start` that append the peer address to X-Forwarded-For.
   * 0 or 1: the rightmost entry is the client (Next's server sets it to the socket address
   * when absent — but keeps a client-sent one, so with 0 proxies per-IP limits can be dodged;
   * per-account limits still hold). N > 1: the Nth entry from the right.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Rejected intake payloads (bad signature, too large, …) are deleted after this many days. */
  INTAKE_REJECTED_RETENTION_DAYS: z.coerce.number().int().positive().default(30),
  INTAKE_SECRET_SHOPIFY: z.string().default("dev-shopify-secret"),
  INTAKE_SECRET_WOOCOMMERCE: z.string().default("dev-woocommerce-secret"),
  INTAKE_SECRET_BIGCOMMERCE: z.string().default("dev-bigcommerce-secret"),
  INTAKE_SECRET_API: z.string().default("dev-api-secret"),
  /**
   * Channel connections: the AES-256-GCM key that encrypts stores' credentials and webhook secrets
   * (32 bytes, base64: `openssl rand -base64 32`). Changing it makes stored credentials unreadable.
   */
  CHANNEL_CREDENTIALS_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, { error: "must be 32 bytes, base64-encoded (openssl rand -base64 32)" })
    .default("cmVwbGVuLWRldi1jaGFubmVsLWtleS0zMi1ieXRlcyE="),
  /** Channel connections: each store API request times out after this long (then it is retried). */
  CHANNEL_HTTP_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Channel health: a store with no webhook delivery for this long is "quiet" and alerts the admins. */
  CHANNEL_QUIET_AFTER_MINUTES: z.coerce.number().int().positive().default(360),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Secrets whose development defaults are public (they are in this file): in production each
 * must be set, to something else. A known NEXTAUTH_SECRET lets anyone mint a session; a known
 * intake or webhook secret lets anyone forge a channel order or a WMS callback.
 */
export const SECRET_VARIABLES = [
  "NEXTAUTH_SECRET",
  "WEBHOOK_SIGNING_SECRET",
  "INTAKE_SECRET_SHOPIFY",
  "INTAKE_SECRET_WOOCOMMERCE",
  "INTAKE_SECRET_BIGCOMMERCE",
  "INTAKE_SECRET_API",
  "CHANNEL_CREDENTIALS_KEY",
] as const;

const MIN_SECRET_LENGTH = 16;

/** What is wrong with the secrets for a production start (empty when nothing is). */
export function productionSecretProblems(source: Record<string, string | undefined>): string[] {
  const defaults = envSchema.parse({});
  return SECRET_VARIABLES.flatMap((name) => {
    const value = source[name];
    if (!value) return [`${name}: unset (the development default is public)`];
    if (value === defaults[name]) return [`${name}: still the public development default`];
    if (value.length < MIN_SECRET_LENGTH) return [`${name}: shorter than ${MIN_SECRET_LENGTH} characters`];
    return [];
  });
}

/**
 * Validated configuration from `source`. A production server (NODE_ENV=production, except
 * while `next build` collects pages) refuses to start on any public or missing secret.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  if (source.NODE_ENV === "production" && source.NEXT_PHASE !== "phase-production-build") {
    problems.push(...productionSecretProblems(source));
  }
  if (problems.length > 0 || !parsed.success) throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  return parsed.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const generationDisabled = () => ["1", "true"].includes(env().GENERATION_DISABLED);
