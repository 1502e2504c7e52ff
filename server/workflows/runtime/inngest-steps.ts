import type { RuntimeEvent, RuntimeSteps } from "./runtime-steps";

/** The subset of Inngest's step tools the runtime uses (structural, so any client's tools fit). */
export type InngestStepTools = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sleep: (id: string, ms: number) => Promise<void>;
  waitForEvent: (id: string, opts: { event: string; match: string; timeout: number }) => Promise<{ name: string; data: unknown } | null>;
  sendEvent: (id: string, payload: RuntimeEvent[]) => Promise<unknown>;
};

/**
 * Adapts Inngest's step tools to RuntimeSteps. Waits match on `data.orderId`: the awaited
 * event must be for the same order as the order/state.entered event that started the run.
 * step.run results come back as JSON, which is what the runtime's steps return anyway.
 */
export function inngestSteps(step: InngestStepTools): RuntimeSteps {
  return {
    run: <T>(id: string, fn: () => Promise<T>) => step.run(id, fn) as Promise<T>,
    sleep: (id, ms) => step.sleep(id, ms),
    waitForEvent: async (id, opts) => {
      const e = await step.waitForEvent(id, { event: opts.event, match: "data.orderId", timeout: opts.timeoutMs });
      return e ? { name: e.name, data: (e.data ?? {}) as Record<string, unknown> } : null;
    },
    sendEvent: async (id, events) => {
      await step.sendEvent(id, events);
    },
  };
}
