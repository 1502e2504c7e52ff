import { CronTicker } from "./cronTicker";
import { incomingEventsSchema, normalizeEvents, type IncomingEvent } from "./events";
import { createConsoleLogger } from "./log";
import { JobQueue } from "./queue";
import { EventRouter } from "./router";
import { snapshot } from "./run";
import { Runner } from "./runner";
import { listen } from "./server";
import { AppSyncer } from "./sync";
import { TimerSet } from "./timers";
import type { LogLevel, Logger, ProtocolIssue, RunStatus } from "./types";
import { Waiters } from "./waiters";
import type { LocalExecutor } from "./executor-api";

export type { SyncResult } from "./sync";
export type { LocalExecutor, WaitOptions } from "./executor-api";

export interface LocalExecutorOptions {
  /** The app's serve endpoint, e.g. http://localhost:3000/api/inngest. */
  appUrl: string;
  /** Default 8288 (where the SDK looks in dev mode); 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the executor is unauthenticated, keep it off the network. */
  host?: string;
  /** First retry delay, doubling per attempt. Default $INNGEST_LOCAL_BACKOFF_MS or 1000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  callTimeoutMs?: number;
  /** Calls to the app in flight at once, all functions together. Default $INNGEST_LOCAL_MAX_IN_FLIGHT or 32. */
  maxInFlight?: number;
  /** Keep PUT-syncing in the background until the app answers. Default true. */
  syncOnStart?: boolean;
  syncRetryMs?: number;
  /** Re-sync periodically (picks up new functions under `next dev`). Default 0 = off. */
  resyncIntervalMs?: number;
  /** Evaluate cron triggers every minute. Default true. */
  cron?: boolean;
  log?: Logger | LogLevel | "silent";
}

function envNumber(name: string): number | undefined {
  const raw = process.env[name];
  return raw !== undefined && raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
}

/** Polling keeps waits independent of every internal state change. */
async function pollUntil<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs}ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startLocalExecutor(options: LocalExecutorOptions): Promise<LocalExecutor> {
  const log = typeof options.log === "object" ? options.log : createConsoleLogger(options.log);
  const base = options.backoffBaseMs ?? envNumber("INNGEST_LOCAL_BACKOFF_MS") ?? 1_000;
  const backoffMax = options.backoffMaxMs ?? 60_000;
  const stopper = new AbortController();
  const issues: ProtocolIssue[] = [];
  const protocolIssue = (message: string, ctx?: { runId?: string; functionId?: string }) => {
    issues.push({ at: Date.now(), message, ...ctx });
    log.error(`PROTOCOL: ${message}`, ctx);
  };

  const timers = new TimerSet();
  const maxInFlight = options.maxInFlight ?? envNumber("INNGEST_LOCAL_MAX_IN_FLIGHT") ?? 32;
  const queue = new JobQueue(
    (err) => log.error(`internal error while running a job: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`),
    maxInFlight,
  );
  const waiters = new Waiters();
  const runner: Runner = new Runner({
    queue,
    timers,
    waiters,
    log,
    stopSignal: stopper.signal,
    // Exponential plus up to 50 % jitter, so a wave of failures does not retry in lockstep.
    backoffMs: (attempt) => Math.round(Math.min(backoffMax, base * 2 ** attempt) * (1 + Math.random() * 0.5)),
    callTimeoutMs: options.callTimeoutMs ?? 300_000,
    findFunction: (id) => router.functions.find((f) => f.id === id),
    // Deferred so a finishing run never re-enters routing mid-update.
    emit: (events) => queueMicrotask(() => ingest(events)),
    protocolIssue: (message, run) => protocolIssue(message, { runId: run.id, functionId: run.fn.id }),
  });
  const router: EventRouter = new EventRouter(runner, waiters, log, timers);
  // One id per event sent, duplicates included: the SDK expects that.
  const ingest = (raw: IncomingEvent[], seed?: string | null): string[] => {
    const events = normalizeEvents(raw, Date.now(), seed);
    router.ingest(events);
    return events.map((e) => e.id);
  };
  const syncer = new AppSyncer({
    appUrl: options.appUrl,
    timers,
    log,
    protocolIssue,
    onSynced: (app) => {
      router.functions = app.functions;
      router.rejections = app.rejections;
    },
  });
  const cron = new CronTicker(
    () => router.functions,
    (fn, event) => router.startCron(fn, event),
    timers,
  );

  const runs = (filter?: { functionId?: string; status?: RunStatus }) =>
    [...runner.runs.values()]
      .map(snapshot)
      .filter((r) => (!filter?.functionId || r.functionId === filter.functionId) && (!filter?.status || r.status === filter.status));
  const busy = () => queue.size > 0 || queue.inFlight > 0 || timers.busy();
  const status = () => ({
    status: !syncer.app ? "unsynced" : syncer.app.rejections.length || issues.length ? "degraded" : "ok",
    appUrl: options.appUrl,
    app: syncer.app && {
      id: syncer.app.appId,
      sdk: syncer.app.sdk,
      framework: syncer.app.framework,
      syncedAt: new Date(syncer.app.syncedAt).toISOString(),
    },
    lastSyncError: syncer.lastError,
    functions: router.functions.map((f) => f.id),
    rejections: router.rejections,
    protocolIssues: issues,
    calls: runner.totalCalls,
    runs: runs().reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
    busy: { queued: queue.size, inFlight: queue.inFlight, timers: timers.busy(), waitingForEvents: waiters.size, batched: router.batcher.pending() },
  });

  const api: LocalExecutor = {
    url: "",
    port: 0,
    sync: () => syncer.sync(),
    whenSynced: () => syncer.synced,
    send: (events) => ingest(incomingEventsSchema.parse([events].flat())),
    runs,
    run: (id) => {
      const r = runner.runs.get(id);
      return r && snapshot(r);
    },
    events: () => structuredClone(router.log),
    functions: () =>
      router.functions.map((f) => ({
        id: f.id,
        name: f.name,
        triggers: f.triggers.map((t) => t.event),
        crons: f.crons.map((c) => c.expression),
        maxAttempts: f.maxAttempts,
      })),
    rejections: () => [...router.rejections],
    protocolIssues: () => [...issues],
    status,
    waitForIdle: async (opts) => {
      await pollUntil(
        () => (busy() ? undefined : true),
        opts?.timeoutMs ?? 10_000,
        () => JSON.stringify(status().busy),
      );
    },
    waitForRun: (predicate, opts) =>
      pollUntil(
        () => runs().find(predicate),
        opts?.timeoutMs ?? 10_000,
        () => `no matching run among ${JSON.stringify(runs().map((r) => [r.functionId, r.status]))}`,
      ),
    tickCron: (at) => cron.tick(at),
    fireSleeps: () => timers.fire("sleep"),
    stop: async () => {
      stopper.abort();
      timers.clear();
      queue.clear();
      await server.close();
    },
  };

  const server = await listen(api, { port: options.port ?? 8288, host: options.host ?? "127.0.0.1", log, ingest, protocolIssue });
  Object.assign(api, { url: server.url, port: server.port });
  log.info(`local Inngest executor listening on ${server.url} → app ${options.appUrl}`);

  if (options.syncOnStart ?? true) syncer.retryUntilUp(options.syncRetryMs ?? 1_000);
  if (options.resyncIntervalMs) syncer.resyncEvery(options.resyncIntervalMs);
  if (options.cron ?? true) cron.schedule();
  return api;
}
