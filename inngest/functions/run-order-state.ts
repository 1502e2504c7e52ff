import type { Inngest } from "inngest";
import { defaultRuntimeDeps } from "@/server/workflows/runtime/default-runtime-deps";
import { inngestSteps } from "@/server/workflows/runtime/inngest-steps";
import type { RuntimeDeps } from "@/server/workflows/runtime/runtime-deps";
import { runOrderState } from "@/server/workflows/runtime/run-order-state";
import { inngest } from "../client";
import { orderStateRun } from "../events";
import { env } from "@/server/env";

/**
 * One durable run per state visit that the batch driver (drive-orders) hands over: actions as steps (parallel groups), per-action retries with
 * durable backoff, fallbacks and compensation, guards, the guarded commit and the next
 * state's event — all in server/workflows/runtime/run-order-state.ts. Function-level
 * retries cover infrastructure errors only (a step that threw, e.g. the database was down).
 */
export function createRunOrderState(client: Inngest, deps: () => RuntimeDeps = () => defaultRuntimeDeps()) {
  return client.createFunction(
    // The limit counts executing steps only: runs asleep or waiting hold no slot.
    { id: "run-order-state", triggers: [orderStateRun], retries: 5, concurrency: { limit: env().WORKFLOW_RUN_CONCURRENCY } },
    async ({ event, step }) => runOrderState(inngestSteps(step), deps(), event.data),
  );
}

export const runOrderStateFunction = createRunOrderState(inngest);
