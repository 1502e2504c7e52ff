import { toSerializedError, type CallOutcome, type Op } from "./call";
import { resolveDueAt } from "./duration";
import { ExpressionError, compileExpression, type Compiled } from "./expressions";
import { ulid } from "./events";
import type { LocalFunction } from "./config";
import type { Run } from "./run";
import type { TimerSet } from "./timers";
import type { InngestEvent, SerializedError, StepResult } from "./types";
import type { Waiters } from "./waiters";

/**
 * What applying ops needs from the runner. Declared here rather than importing `Runner`,
 * because runner.ts calls applyOps: the runner satisfies this structurally, without a cycle.
 */
export interface OpsHost {
  readonly deps: {
    readonly timers: TimerSet;
    readonly waiters: Waiters;
    backoffMs(attempt: number): number;
    findFunction(id: string): LocalFunction | undefined;
  };
  start(fn: LocalFunction, event: InngestEvent, parent?: Run["parent"]): Run;
  enqueue(run: Run, stepId: string, attempt: number, delayMs?: number): void;
  memoize(run: Run, stepId: string, result: StepResult): boolean;
  progressed(run: Run): void;
  protocolFailure(run: Run, message: string): void;
  finish(run: Run, state: "completed" | "failed" | "cancelled", result: { output?: unknown; error?: SerializedError }): void;
}

/**
 * Applies the ops of a 206 response. Opcode payloads as inngest@4.24.0 sends
 * them (which differ from docs/SDK_SPEC.md in places — see README.md):
 * - Sleep: duration/ISO date in `name` (spec: `opts.duration`; both accepted)
 * - WaitForEvent: event name in `name` (spec: `opts.event`), `opts.timeout`, `opts.if`
 * - InvokeFunction: `opts.function_id`, `opts.payload.data`, optional `opts.timeout`
 */
export function applyOps(runner: OpsHost, run: Run, attempt: number, outcome: Extract<CallOutcome, { kind: "ops" }>): void {
  // More than one op at once means parallel steps: from now on the SDK must
  // plan every step and let us run each in its own call (spec §5.5).
  if (outcome.ops.length > 1) run.disableImmediateExecution = true;
  let progressed = false;
  for (const op of outcome.ops) {
    if (run.state !== "active") return;
    const known = op.id in run.steps || run.pending.has(op.id);
    const label = op.displayName ?? op.name ?? op.id;
    switch (op.op) {
      case "StepRun":
        progressed = runner.memoize(run, op.id, { data: op.data ?? null }) || progressed;
        break;
      case "StepError":
        // `attempt` is the attempt the SDK judged retriability with; it sends
        // StepFailed itself on the last one, this guard is belt and braces.
        if (!outcome.noRetry && attempt + 1 < run.fn.maxAttempts) {
          run.pending.set(op.id, { ...run.pending.get(op.id), kind: "step", name: label });
          runner.enqueue(run, op.id, attempt + 1, outcome.retryAfterMs ?? runner.deps.backoffMs(attempt));
          break;
        }
        progressed = runner.memoize(run, op.id, { error: toSerializedError(op.error, `step "${label}" failed`) }) || progressed;
        break;
      case "StepFailed":
        progressed = runner.memoize(run, op.id, { error: toSerializedError(op.error, `step "${label}" failed`) }) || progressed;
        break;
      case "StepPlanned":
        if (known) break;
        run.pending.set(op.id, { kind: "step", name: label, race: op.opts?.parallelMode === "race" });
        runner.enqueue(run, op.id, 0);
        break;
      case "Sleep":
        if (!known) sleep(runner, run, op, label);
        break;
      case "WaitForEvent":
        if (!known) waitForEvent(runner, run, op, label);
        break;
      case "InvokeFunction":
        if (!known) progressed = invoke(runner, run, op, label) || progressed;
        break;
      case "RunComplete":
        // Sent instead of a 200 when lazy ops ride along with the result.
        runner.finish(run, "completed", { output: op.data ?? null });
        return;
      default:
        // Known to the SDK, deliberately not implemented here (AI gateway,
        // signals, defer, ...): fail the run loudly rather than hang it.
        runner.protocolFailure(run, `step "${label}" uses opcode ${op.op}, which the local executor does not support`);
        return;
    }
  }
  if (progressed) runner.progressed(run);
}

function stringOpt(op: Op, key: string): string | undefined {
  const v = op.opts?.[key];
  return typeof v === "string" ? v : undefined;
}

function sleep(runner: OpsHost, run: Run, op: Op, label: string): void {
  const spec = stringOpt(op, "duration") ?? op.name;
  let dueAt: number;
  try {
    dueAt = resolveDueAt(spec ?? "", Date.now());
  } catch {
    return runner.protocolFailure(run, `Sleep op for "${label}" has no usable duration (name=${JSON.stringify(op.name)})`);
  }
  const timer = runner.deps.timers.schedule("sleep", dueAt - Date.now(), () => {
    if (runner.memoize(run, op.id, { data: null })) runner.progressed(run);
  });
  run.pending.set(op.id, { kind: "sleep", name: label, timer });
}

function waitForEvent(runner: OpsHost, run: Run, op: Op, label: string): void {
  const eventName = stringOpt(op, "event") ?? op.name;
  const timeout = stringOpt(op, "timeout");
  if (!eventName || !timeout) return runner.protocolFailure(run, `WaitForEvent op for "${label}" lacks an event name or timeout`);
  let condition: Compiled | undefined;
  const source = stringOpt(op, "if");
  try {
    condition = source ? compileExpression(source, ["event", "async"]) : undefined;
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return runner.protocolFailure(run, `waitForEvent "${label}" uses expression "${source}", unsupported by the local executor: ${err.message}`);
  }
  const waiter = runner.deps.waiters.add({
    runId: run.id,
    stepId: op.id,
    eventName,
    condition,
    runEvent: run.event,
    resolve: (event) => {
      if (runner.memoize(run, op.id, { data: event })) runner.progressed(run);
    },
  });
  // The timeout resolves the step with null, which the SDK returns to user code.
  const timer = runner.deps.timers.schedule("wait-timeout", resolveDueAt(timeout, Date.now()) - Date.now(), () => {
    if (runner.memoize(run, op.id, { data: null })) runner.progressed(run);
  });
  run.pending.set(op.id, { kind: "wait", name: label, timer, waiter });
}

/** Returns true if the step was settled immediately (unknown target). */
function invoke(runner: OpsHost, run: Run, op: Op, label: string): boolean {
  const fnId = stringOpt(op, "function_id") ?? "";
  const target = runner.deps.findFunction(fnId);
  if (!target)
    return runner.memoize(run, op.id, {
      error: { name: "Error", message: `step.invoke "${label}": function "${fnId}" is not synced with the local executor` },
    });
  const payload = (op.opts?.payload ?? {}) as { data?: Record<string, unknown>; v?: string };
  const timeout = stringOpt(op, "timeout");
  const timer = timeout
    ? runner.deps.timers.schedule("invoke-timeout", resolveDueAt(timeout, Date.now()) - Date.now(), () => {
        const error = { name: "InngestInvokeTimeoutError", message: `step.invoke "${label}" timed out after ${timeout}` };
        if (runner.memoize(run, op.id, { error })) runner.progressed(run);
      })
    : undefined;
  run.pending.set(op.id, { kind: "invoke", name: label, timer });
  runner.start(
    target,
    { id: ulid(), name: "inngest/function.invoked", data: payload.data ?? {}, ts: Date.now(), ...(payload.v ? { v: payload.v } : {}) },
    { runId: run.id, stepId: op.id },
  );
  return false;
}
