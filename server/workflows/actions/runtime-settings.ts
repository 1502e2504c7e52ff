import { env } from "@/server/env";
import { resolveWebhookSecret } from "./webhook-action";

/** The configuration actions read, resolved once from env (tests pass their own). */
export type RuntimeSettings = {
  homeCountry: string;
  appUrl: string;
  webhookTimeoutMs: number;
  blockedCountries: string[];
  webhookSecret(name: string): string | null;
};

export function runtimeSettings(): RuntimeSettings {
  const e = env();
  return {
    homeCountry: e.HOME_COUNTRY,
    appUrl: e.APP_URL,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    blockedCountries: e.CUSTOMS_BLOCKED_COUNTRIES.split(",")
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
    webhookSecret: (name) => resolveWebhookSecret(name, process.env, e.WEBHOOK_SIGNING_SECRET),
  };
}
