import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { purgeRejectedPayloads } from "@/server/intake/purge-rejected-payloads";
import { purgeExpiredLimits } from "@/server/security/purge-expired-limits";
import { purgeIdempotencyKeys } from "@/server/http/purge-idempotency-keys";
import { purgeSignInCodes } from "@/server/auth/purge-sign-in-codes";
import { inngest } from "../client";

/**
 * Daily retention (docs/security.md): rejected intake payloads older than
 * INTAKE_REJECTED_RETENTION_DAYS, rate-limit windows that have ended, idempotency keys and
 * sign-in codes older than a day. Safe to run twice or
 * late: each is one DELETE of rows past a cutoff.
 */
export const purgeSecurityRecords = inngest.createFunction(
  { id: "purge-security-records", triggers: [{ cron: "17 3 * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const rejectedPayloads = await step.run("purge-rejected-payloads", () =>
      purgeRejectedPayloads(getDb(), { now: new Date(), retentionDays: env().INTAKE_REJECTED_RETENTION_DAYS }),
    );
    const expiredLimits = await step.run("purge-expired-limits", () => purgeExpiredLimits(getDb(), { now: new Date() }));
    const idempotencyKeys = await step.run("purge-idempotency-keys", () => purgeIdempotencyKeys(getDb(), { now: new Date() }));
    const signInCodes = await step.run("purge-sign-in-codes", () => purgeSignInCodes(getDb(), { now: new Date() }));
    return { rejectedPayloads, expiredLimits, idempotencyKeys, signInCodes };
  },
);
