import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { markProcessingFailed } from "@/server/intake/mark-processing-failed";
import { processPayload } from "@/server/intake/process-payload";
import { inngest } from "../client";
import { intakeReceived } from "../events";

/** Attempts after the first; with Inngest's exponential backoff this spans several minutes. */
export const PROCESS_INTAKE_RETRIES = 5;

/**
 * Retries a stored intake payload that failed transiently in the request (intake/received).
 * Processing is idempotent (server/intake/process-payload.ts), so a retry after a success, or
 * a run racing the sweeper, only returns the stored result. When the last retry fails, the
 * payload goes to the dead-letter queue (`processing_failed`) for an admin to replay.
 * Built by a factory so tests can serve it from a harness client.
 */
export function createProcessIntake(client: Inngest) {
  return client.createFunction(
    {
      id: "process-intake",
      retries: PROCESS_INTAKE_RETRIES,
      // One run per payload at a time; different payloads in parallel.
      concurrency: { limit: 1, key: "event.data.payloadId" },
      triggers: [intakeReceived],
      onFailure: async ({ event }) => {
        const payloadId = String((event.data.event.data as { payloadId?: unknown }).payloadId ?? "");
        if (payloadId) await markProcessingFailed(getDb(), payloadId, { now: new Date() });
      },
    },
    async ({ event, step }) => step.run("process-payload", () => processPayload(getDb(), event.data.payloadId, { now: new Date() })),
  );
}

export const processIntake = createProcessIntake(inngest);
