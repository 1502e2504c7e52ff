import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { purgeRejectedPayloads } from "@/server/intake/purge-rejected-payloads";
import { purgeExpiredLimits } from "@/server/security/purge-expired-limits";
import { inngest } from "../client";

/**
 * Daily retention (docs/security.md): rejected intake payloads older than
 * INTAKE_REJECTED_RETENTION_DAYS, and rate-limit windows that have ended. Safe to run twice or
 * late: each is one DELETE of rows past a cutoff.
 */
export const purgeSecurityRecords = inngest.createFunction(
  { id: "purge-security-records", triggers: [{ cron: "17 3 * * *" }], concurrency: { limit: 1 } },
  async ({ step }) => {
    const rejectedPayloads = await step.run("purge-rejected-payloads", () =>
      purgeRejectedPayloads(getDb(), { now: new Date(), retentionDays: env().INTAKE_REJECTED_RETENTION_DAYS }),
    );
    const expiredLimits = await step.run("purge-expired-limits", () => purgeExpiredLimits(getDb(), { now: new Date() }));
    return { rejectedPayloads, expiredLimits };
  },
);
