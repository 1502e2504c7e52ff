import { startHarness, type Harness } from "@/tools/inngest-local/harness";
import { createApplyOrderEvent } from "@/inngest/functions/apply-order-event";
import { createDriveOrders } from "@/inngest/functions/drive-orders";
import { createRunOrderState } from "@/inngest/functions/run-order-state";
import { createRunWorkflowOperation } from "@/inngest/functions/run-workflow-operation";
import { createStartOrderWorkflow } from "@/inngest/functions/start-order-workflow";
import { createSweepStuckOrders } from "@/inngest/functions/sweep-stuck-orders";
import { getDb } from "@/db/client";
import { inngest } from "@/inngest/client";
import { closeEmailTransports, emailSender } from "@/server/notifications/send-email";
import { startMailSink } from "@/scripts/lib/mail-sink";
import { defaultRuntimeDeps } from "@/server/workflows/runtime/default-runtime-deps";
import type { RuntimeDeps } from "@/server/workflows/runtime/runtime-deps";
import { orderRow } from "./order-factory";

export type WorkflowHarness = Harness & {
  mail: Awaited<ReturnType<typeof startMailSink>>;
  /** Polls Postgres until the order is in `state` (the database is the truth, not the executor). */
  waitForState(orderId: string, state: string, timeoutMs?: number): Promise<void>;
  waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string | (() => Promise<string>), timeoutMs?: number): Promise<T>;
  stopAll(): Promise<void>;
};

/**
 * The app's REAL workflow functions (start, drive-orders, run-order-state, apply-order-event, sweeper),
 * served with `serve` from inngest/node and driven over HTTP by the local executor, against
 * this test file's database and a real SMTP sink.
 */
export async function startWorkflowHarness(overrides: Partial<RuntimeDeps> = {}): Promise<WorkflowHarness> {
  const mail = await startMailSink({ port: 0 });
  let deps: RuntimeDeps | undefined;
  const lazyDeps = () => (deps ??= defaultRuntimeDeps({ sendEmail: emailSender({ smtpUrl: mail.url }), ...overrides }));
  const h = await startHarness("replen", (client) => [
    createStartOrderWorkflow(client, lazyDeps),
    createDriveOrders(client, lazyDeps),
    createRunOrderState(client, lazyDeps),
    createApplyOrderEvent(client),
    createSweepStuckOrders(client),
    createRunWorkflowOperation(client),
  ]);
  const sync = await h.executor.sync();
  if (!sync.ok) throw new Error(`executor rejected functions: ${JSON.stringify(sync.rejections)}`);
  // Route handlers send with the app's client: point it at this executor too.
  inngest.setEnvVars({ INNGEST_DEV: "1", INNGEST_BASE_URL: h.executor.url });

  const waitFor = async <T>(
    check: () => Promise<T | null | undefined | false>,
    what: string | (() => Promise<string>),
    timeoutMs = 20_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (Date.now() > deadline) {
        const label = typeof what === "string" ? what : await what();
        throw new Error(`timed out waiting for ${label}; executor runs: ${JSON.stringify(h.executor.status().runs)}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return {
    ...h,
    mail,
    waitFor,
    waitForState: async (orderId, state, timeoutMs) => {
      await waitFor(
        async () => {
          const o = await orderRow(getDb(), orderId);
          return o.state === state ? true : null;
        },
        async () => `order ${orderId} → ${state} (still ${(await orderRow(getDb(), orderId)).state})`,
        timeoutMs,
      );
    },
    stopAll: async () => {
      await h.close();
      // Pooled SMTP connections would keep the sink's close() waiting.
      closeEmailTransports();
      await mail.stop();
    },
  };
}
