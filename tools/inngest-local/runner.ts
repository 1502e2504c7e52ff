import { callFunction, describeOutcome, type CallBody, type CallOutcome } from "./call";
import type { LocalFunction } from "./config";
import { ulid } from "./events";
import { applyOps } from "./ops";
import type { JobQueue } from "./queue";
import { slotsFor, type Run } from "./run";
import type { TimerSet } from "./timers";
import { ProtocolError, type InngestEvent, type Logger, type SerializedError, type StepResult } from "./types";
import type { Waiters } from "./waiters";

export interface RunnerDeps {
  queue: JobQueue;
  timers: TimerSet;
  waiters: Waiters;
  log: Logger;
  backoffMs(attempt: number): number;
  callTimeoutMs: number;
  stopSignal: AbortSignal;
  findFunction(id: string): LocalFunction | undefined;
  /** Sends internal events (function.failed / function.cancelled) through the event API path. */
  emit(events: { name: string; data: Record<string, unknown> }[]): void;
  protocolIssue(message: string, run: Run): void;
}

/** Finished runs kept for inspection; older ones are forgotten in long dev sessions. */
const maxRuns = 5_000;

/**
 * Drives runs: one "job" is one call to the app (`stepId=step` to discover,
 * or a hashed step id to run a planned step). Outcomes decide the next jobs.
 */
export class Runner {
  readonly runs = new Map<string, Run>();
  /** Finished run ids, oldest first: what is forgotten once more than maxRuns are kept. */
  private readonly finished: string[] = [];
  private finishedHead = 0;
  /** Every call made to the app, over the executor's lifetime (finished runs are forgotten, this is not). */
  totalCalls = 0;
  private seq = 0;

  constructor(readonly deps: RunnerDeps) {}

  start(fn: LocalFunction, event: InngestEvent, parent?: Run["parent"], batch?: InngestEvent[]): Run {
    const run: Run = {
      id: ulid(),
      seq: this.seq++,
      fn,
      event,
      events: batch ?? [event],
      state: "active",
      steps: {},
      stack: [],
      pending: new Map(),
      disableImmediateExecution: false,
      slots: slotsFor(fn, event),
      jobs: 0,
      inFlight: 0,
      calls: 0,
      maxAttempt: 0,
      discovering: false,
      rediscover: false,
      raceSettled: false,
      retryTimers: new Set(),
      startedAt: Date.now(),
      parent,
      timeline: [],
    };
    this.runs.set(run.id, run);
    // O(1) per start even with thousands of active runs (those are never forgotten).
    while (this.runs.size > maxRuns && this.finishedHead < this.finished.length) this.runs.delete(this.finished[this.finishedHead++] as string);
    if (this.finishedHead > 10_000) {
      this.finished.splice(0, this.finishedHead);
      this.finishedHead = 0;
    }
    this.deps.log.info(`run ${run.id} started: ${fn.id} ← ${event.name}${run.events.length > 1 ? ` (+${run.events.length - 1} batched)` : ""}`);
    this.discover(run);
    return run;
  }

  enqueue(run: Run, stepId: string, attempt: number, delayMs = 0): void {
    run.jobs++;
    const submit = () => this.deps.queue.submit({ runSeq: run.seq, slots: run.slots, execute: () => this.execute(run, stepId, attempt) });
    if (delayMs <= 0) return submit();
    const id = this.deps.timers.schedule("retry", delayMs, () => {
      run.retryTimers.delete(id);
      submit();
    });
    run.retryTimers.add(id);
  }

  /** Re-enters the function to find what comes next; never two discoveries at once. */
  discover(run: Run): void {
    if (run.state !== "active") return;
    if (run.discovering) {
      run.rediscover = true;
      return;
    }
    run.discovering = true;
    this.enqueue(run, "step", 0);
  }

  /** Records a step result; returns false if it was already known (duplicate report). */
  memoize(run: Run, stepId: string, result: StepResult): boolean {
    if (run.steps[stepId]) return false;
    run.steps[stepId] = result;
    run.stack.push(stepId);
    const pending = run.pending.get(stepId);
    if (pending) {
      this.deps.timers.cancel(pending.timer);
      this.deps.waiters.remove(pending.waiter);
      run.pending.delete(stepId);
      if (pending.race) run.raceSettled = true;
    }
    return true;
  }

  /** After new results: re-enter once parallel work has all settled (or a race was won). */
  progressed(run: Run): void {
    if (run.state !== "active" || (run.pending.size > 0 && !run.raceSettled)) return;
    run.raceSettled = false;
    this.discover(run);
  }

  private async execute(run: Run, stepId: string, attempt: number): Promise<void> {
    try {
      if (run.state !== "active" || this.deps.stopSignal.aborted) return;
      run.inFlight++;
      run.calls++;
      this.totalCalls++;
      run.maxAttempt = Math.max(run.maxAttempt, attempt + 1);
      let outcome: CallOutcome;
      try {
        const signal = AbortSignal.any([this.deps.stopSignal, AbortSignal.timeout(this.deps.callTimeoutMs)]);
        outcome = await callFunction(run.fn.url, stepId, this.body(run, attempt), signal);
      } catch (err) {
        if (!(err instanceof ProtocolError)) throw err;
        run.timeline.push({ at: Date.now(), stepId, attempt, outcome: `protocol error: ${err.message}` });
        return this.protocolFailure(run, err.message);
      } finally {
        run.inFlight--;
      }
      if (run.state !== "active" || this.deps.stopSignal.aborted) return;
      if (run.timeline.length < 500) run.timeline.push({ at: Date.now(), stepId, attempt, outcome: describeOutcome(outcome) });
      this.deps.log.debug(
        `run ${run.id} ${stepId === "step" ? "discovery" : `step ${stepId.slice(0, 8)}`} attempt ${attempt}: ${describeOutcome(outcome)}`,
      );
      this.handle(run, stepId, attempt, outcome);
    } finally {
      run.jobs--;
      this.checkStalled(run);
    }
  }

  private handle(run: Run, stepId: string, attempt: number, outcome: CallOutcome): void {
    if (outcome.kind === "error" && outcome.retriable && attempt + 1 < run.fn.maxAttempts) {
      this.deps.log.warn(`run ${run.id} attempt ${attempt + 1}/${run.fn.maxAttempts} failed, retrying: ${outcome.error.message}`);
      return this.enqueue(run, stepId, attempt + 1, outcome.retryAfterMs ?? this.deps.backoffMs(attempt));
    }
    if (stepId === "step") run.discovering = false;
    if (outcome.kind === "complete") this.finish(run, "completed", { output: outcome.data });
    else if (outcome.kind === "error") this.finish(run, "failed", { error: outcome.error });
    else applyOps(this, run, attempt, outcome);
    if (run.state === "active" && run.rediscover) {
      run.rediscover = false;
      this.discover(run);
    }
  }

  private body(run: Run, attempt: number): CallBody {
    return {
      event: run.event,
      events: run.events,
      steps: run.steps,
      ctx: {
        run_id: run.id,
        attempt,
        max_attempts: run.fn.maxAttempts,
        disable_immediate_execution: run.disableImmediateExecution,
        use_api: false,
        stack: { stack: run.stack, current: Math.max(0, run.stack.length - 1) },
      },
    };
  }

  /** A run with nothing pending and nothing scheduled would hang forever: say so. */
  private checkStalled(run: Run): void {
    if (this.deps.stopSignal.aborted) return;
    if (run.state === "active" && run.jobs === 0 && run.pending.size === 0 && !run.discovering) {
      this.protocolFailure(run, "run stalled: the SDK reported no further work and did not finish the function");
    }
  }

  protocolFailure(run: Run, message: string): void {
    this.deps.protocolIssue(message, run);
    this.finish(run, "failed", { error: { name: "LocalExecutorProtocolError", message } });
  }

  finish(run: Run, state: "completed" | "failed" | "cancelled", result: { output?: unknown; error?: SerializedError }): void {
    if (run.state !== "active") return;
    Object.assign(run, { state, endedAt: Date.now(), output: result.output, error: result.error });
    this.finished.push(run.id);
    for (const p of run.pending.values()) {
      this.deps.timers.cancel(p.timer);
      this.deps.waiters.remove(p.waiter);
    }
    for (const id of run.retryTimers) this.deps.timers.cancel(id);
    run.pending.clear();
    this.deps.log[state === "completed" ? "info" : "warn"](
      `run ${run.id} ${state}: ${run.fn.id}${result.error ? ` — ${result.error.name}: ${result.error.message}` : ""}`,
    );
    this.settleParent(run);
    // Not for runs of failure/cancel events themselves, so a failing handler cannot loop.
    if (state !== "completed" && run.event.name !== "inngest/function.failed" && run.event.name !== "inngest/function.cancelled") {
      const data = { function_id: run.fn.id, run_id: run.id, error: run.error, event: run.event };
      this.deps.emit([{ name: state === "failed" ? "inngest/function.failed" : "inngest/function.cancelled", data }]);
    }
  }

  /** `step.invoke`: the child's result becomes the parent's step result. */
  private settleParent(child: Run): void {
    const parent = child.parent && this.runs.get(child.parent.runId);
    if (!parent || !child.parent || parent.state !== "active" || !parent.pending.has(child.parent.stepId)) return;
    const result: StepResult =
      child.state === "completed"
        ? { data: child.output ?? null }
        : { error: child.error ?? { name: "Error", message: `invoked run ${child.state}` } };
    if (this.memoize(parent, child.parent.stepId, result)) this.progressed(parent);
  }
}
