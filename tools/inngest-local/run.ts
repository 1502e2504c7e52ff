import type { LocalFunction } from "./config";
import type { Slot } from "./queue";
import type { InngestEvent, PendingKind, RunSnapshot, RunStatus, SerializedError, StepResult, TimelineEntry } from "./types";

/** In-memory state of one function run. Correctness lives in Postgres; this may be lost. */
export interface Run {
  id: string;
  /** Creation order; older runs get freed concurrency slots first. */
  seq: number;
  fn: LocalFunction;
  event: InngestEvent;
  /** Every event of the run: [event], or the whole batch for a `batchEvents` function. */
  events: InngestEvent[];
  state: "active" | "completed" | "failed" | "cancelled";
  steps: Record<string, StepResult>;
  /** Completion order of memoised steps, sent as `ctx.stack.stack`. */
  stack: string[];
  pending: Map<string, Pending>;
  /** Once steps ran in parallel, the SDK must plan (not run) every step: spec §5.5. */
  disableImmediateExecution: boolean;
  slots: Slot[];
  /** Jobs queued, waiting for a retry, or in flight. */
  jobs: number;
  inFlight: number;
  calls: number;
  maxAttempt: number;
  discovering: boolean;
  rediscover: boolean;
  raceSettled: boolean;
  retryTimers: Set<number>;
  output?: unknown;
  error?: SerializedError;
  startedAt: number;
  endedAt?: number;
  parent?: { runId: string; stepId: string };
  timeline: TimelineEntry[];
}

export interface Pending {
  kind: PendingKind;
  name?: string;
  /** A `group.parallel({ mode: "race" })` step: its completion re-enters the function at once. */
  race?: boolean;
  timer?: number;
  waiter?: number;
}

export function statusOf(run: Run): RunStatus {
  if (run.state !== "active") return run.state;
  if (run.inFlight > 0) return "running";
  if (run.jobs > 0) return run.calls === 0 ? "queued" : "running";
  const kinds = new Set([...run.pending.values()].map((p) => p.kind));
  if (kinds.has("wait") || kinds.has("invoke")) return "waiting";
  if (kinds.has("sleep")) return "sleeping";
  return "running";
}

export function snapshot(run: Run): RunSnapshot {
  return structuredClone({
    id: run.id,
    functionId: run.fn.id,
    status: statusOf(run),
    attempts: run.maxAttempt,
    calls: run.calls,
    event: run.event,
    batchSize: run.events.length,
    output: run.output,
    error: run.error,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    completedSteps: [...run.stack],
    pending: [...run.pending].map(([id, p]) => ({ id, kind: p.kind, name: p.name })),
    timeline: run.timeline,
  });
}

/** Concurrency groups a run's calls occupy; keys are evaluated once, on the triggering event. */
export function slotsFor(fn: LocalFunction, event: InngestEvent): Slot[] {
  return fn.concurrency.map((rule) => {
    const raw = rule.key?.evaluate({ event });
    const key = rule.key ? (typeof raw === "string" ? raw : JSON.stringify(raw ?? null)) : "*";
    // fn scope: per function; env/account scope: shared by every function using the same key.
    return { group: rule.scope === "fn" ? `fn:${fn.id}:${key}` : `${rule.scope}:${key}`, limit: rule.limit };
  });
}
