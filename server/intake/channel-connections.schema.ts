import { z } from "zod";

/**
 * Boundaries of the channel connections API (app/api/v1/admin/intake/connections/**).
 * Credentials are write-only: accepted here, stored encrypted, never part of a response.
 */
const secret = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, { error: `${what} is required` })
    .max(4000, { error: `${what} is too long` });

export const connectionCredentialsSchemas = {
  shopify: z.object({ accessToken: secret("The Admin API access token") }),
  woocommerce: z.object({ consumerKey: secret("The consumer key"), consumerSecret: secret("The consumer secret") }),
  bigcommerce: z.object({ accessToken: secret("The API account access token") }),
  amazon: z.object({
    clientId: secret("The LWA client id"),
    clientSecret: secret("The LWA client secret"),
    refreshToken: secret("The refresh token"),
    marketplaceId: secret("The marketplace id"),
    /** Login with Amazon token endpoint; only tests point it elsewhere. */
    tokenUrl: z.url({ protocol: /^https?$/, error: "The token URL must be an http(s) URL" }).default("https://api.amazon.com/auth/o2/token"),
  }),
} as const;
export type ConnectedChannel = keyof typeof connectionCredentialsSchemas;
export const CONNECTED_CHANNELS = Object.keys(connectionCredentialsSchemas) as ConnectedChannel[];
export type ConnectionCredentials<C extends ConnectedChannel = ConnectedChannel> = z.infer<(typeof connectionCredentialsSchemas)[C]>;

const common = {
  slug: z
    .string({ error: "The handle is required" })
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { error: "Use 1–32 lower-case letters, digits or dashes (it prefixes the store's order ids)" }),
  name: z.string({ error: "The name is required" }).trim().min(1, { error: "The name is required" }).max(120),
  apiBaseUrl: z.url({ protocol: /^https?$/, error: "The API base URL must be an http(s) URL" }).max(500),
  /** Shared secret the store signs (Shopify, WooCommerce) or sends (BigCommerce header) with webhooks. */
  webhookSecret: z.string().min(16, { error: "Use at least 16 characters" }).max(500).optional(),
  reconcileEveryMinutes: z.int({ error: "Minutes must be a whole number" }).min(1).max(1440).default(15),
};

export const createConnectionBodySchema = z.discriminatedUnion(
  "channel",
  [
    z.object({ channel: z.literal("shopify"), ...common, credentials: connectionCredentialsSchemas.shopify }),
    z.object({ channel: z.literal("woocommerce"), ...common, credentials: connectionCredentialsSchemas.woocommerce }),
    z.object({ channel: z.literal("bigcommerce"), ...common, credentials: connectionCredentialsSchemas.bigcommerce }),
    z.object({ channel: z.literal("amazon"), ...common, credentials: connectionCredentialsSchemas.amazon }),
  ],
  { error: "Channel must be shopify, woocommerce, bigcommerce or amazon" },
);
export type CreateConnectionInput = z.infer<typeof createConnectionBodySchema>;

/** A connection as the API shows it: no credential, no secret — only whether one is set. */
export const connectionViewSchema = z.object({
  id: z.uuid(),
  channel: z.enum(CONNECTED_CHANNELS as [ConnectedChannel, ...ConnectedChannel[]]),
  slug: z.string(),
  name: z.string(),
  apiBaseUrl: z.string(),
  enabled: z.boolean(),
  reconcileEveryMinutes: z.number(),
  hasWebhookSecret: z.boolean(),
  /** Where the store posts its webhooks (relative to APP_URL). */
  webhookPath: z.string(),
  watermark: z.string().nullable(),
  lastReconciledAt: z.string().nullable(),
  lastReconcileError: z.string().nullable(),
  lastTestAt: z.string().nullable(),
  lastTestOk: z.boolean().nullable(),
  lastTestMessage: z.string().nullable(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const testConnectionResponseSchema = z.object({ ok: z.boolean(), message: z.string(), testedAt: z.string() });
export type TestConnectionResult = z.infer<typeof testConnectionResponseSchema>;

/** One reconciliation run's answer (POST …/connections/{id}/reconcile, and what the cron logs). */
export const reconcileResultSchema = z.object({
  connectionId: z.string(),
  /** Orders the store reported changed in the window. */
  fetched: z.int(),
  /** Of those, new payloads stored (an unchanged order already stored is not stored again). */
  stored: z.int(),
  /** Orders reconciliation created: no webhook had delivered them (the channel health "misses"). */
  missed: z.int(),
  /** Not ready yet (Amazon Pending, no prices): picked up once the store changes them. */
  waiting: z.int(),
  watermark: z.string().nullable(),
  /** Why the run stopped early (the store's answer); the counts so far stand. */
  error: z.string().nullable(),
});
export type ReconcileResult = z.infer<typeof reconcileResultSchema>;
