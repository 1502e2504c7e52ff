/**
 * The durable primitives the runtime needs, as an interface: Inngest's step tools implement it
 * in production (inngest/functions/run-order-state.ts), and the benchmark drives the same
 * runtime in-process with a trivial implementation. Step ids must be stable per state visit.
 */
export type RuntimeEvent = { name: string; data: Record<string, unknown>; id?: string };

export interface RuntimeSteps {
  /** Runs `fn` once; its (JSON) result is memoised across re-invocations. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sleep(id: string, ms: number): Promise<void>;
  /** The first `event` for `orderId` after the wait started, or null at the timeout. */
  waitForEvent(id: string, opts: { event: string; orderId: string; timeoutMs: number }): Promise<RuntimeEvent | null>;
  sendEvent(id: string, events: RuntimeEvent[]): Promise<void>;
}

/** The actor written to audit rows: the engine itself, a signed-in user, or a sales channel (intake). */
export type RuntimeActor = { type: "system"; id: string } | { type: "user"; id: string } | { type: "channel"; id: string };

export const SYSTEM: RuntimeActor = { type: "system", id: "workflow" };
