/**
 * Shared shapes for the local Inngest executor. Wire shapes mirror what
 * `inngest@4.24.0` sends and expects (see README.md, "Protocol notes").
 */

/** An event as stored by the executor and handed to the SDK in call bodies. */
export interface InngestEvent {
  id: string;
  name: string;
  data: Record<string, unknown>;
  ts: number;
  v?: string;
  user?: Record<string, unknown>;
  [extra: string]: unknown;
}

/** Errors travel as the SDK serialises them (`serializeError`). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  [extra: string]: unknown;
}

/**
 * Memoised step state as the SDK's `stepSchema` reads it. Always wrapped:
 * a bare value would be ambiguous with `{ data }` / `{ error }` objects.
 */
export type StepResult = { data: unknown } | { error: SerializedError };

export type RunStatus = "queued" | "running" | "sleeping" | "waiting" | "completed" | "failed" | "cancelled";

export type PendingKind = "step" | "sleep" | "wait" | "invoke";

export interface TimelineEntry {
  at: number;
  stepId: string;
  attempt: number;
  outcome: string;
}

/** What `GET /runs` and `runs()` expose; a copy, safe to hold on to. */
export interface RunSnapshot {
  id: string;
  functionId: string;
  status: RunStatus;
  /** Highest attempt count any single SDK call needed (1 = no retries). */
  attempts: number;
  /** Total HTTP calls made to the app for this run. */
  calls: number;
  event: InngestEvent;
  /** Events the run started with (> 1 only for `batchEvents` functions). */
  batchSize: number;
  output?: unknown;
  error?: SerializedError;
  startedAt: number;
  endedAt?: number;
  /** Hashed step ids that have memoised results, in completion order. */
  completedSteps: string[];
  pending: { id: string; kind: PendingKind; name?: string }[];
  timeline: TimelineEntry[];
}

/** A function config the executor refused, and why. */
export interface Rejection {
  functionId: string;
  feature: string;
  message: string;
  /** Event names the rejected function listens to, so deliveries can be flagged. */
  triggers?: string[];
}

/** Something the SDK did that this executor does not understand. */
export interface ProtocolIssue {
  at: number;
  message: string;
  runId?: string;
  functionId?: string;
}

export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogFn = (message: string, fields?: Record<string, unknown>) => void;

export type Logger = Record<LogLevel, LogFn>;

export class ProtocolError extends Error {
  override name = "ProtocolError";
}
