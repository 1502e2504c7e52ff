import type { IncomingEvent } from "./events";
import type { SyncResult } from "./sync";
import type { InngestEvent, ProtocolIssue, Rejection, RunSnapshot, RunStatus } from "./types";

// What a started executor offers its callers and its HTTP server. Declared apart from
// executor.ts because server.ts serves this API and executor.ts starts server.ts.

export interface WaitOptions {
  timeoutMs?: number;
}

export interface LocalExecutor {
  readonly url: string;
  readonly port: number;
  sync(): Promise<SyncResult>;
  /** Resolves on the first successful sync (e.g. after `syncOnStart` retries). */
  whenSynced(): Promise<SyncResult>;
  /** Same path as `POST /e/:key`; returns the event ids. */
  send(events: IncomingEvent | IncomingEvent[]): string[];
  runs(filter?: { functionId?: string; status?: RunStatus }): RunSnapshot[];
  run(id: string): RunSnapshot | undefined;
  events(): InngestEvent[];
  functions(): { id: string; name: string; triggers: string[]; crons: string[]; maxAttempts: number }[];
  rejections(): Rejection[];
  protocolIssues(): ProtocolIssue[];
  status(): Record<string, unknown>;
  /** Resolves when no call is queued or in flight and no sleep or retry is pending. */
  waitForIdle(opts?: WaitOptions): Promise<void>;
  waitForRun(predicate: (run: RunSnapshot) => boolean, opts?: WaitOptions): Promise<RunSnapshot>;
  /** Starts the cron functions due in the minute containing `at`; returns run ids. */
  tickCron(at?: Date): string[];
  /** Ends every pending `step.sleep` now (fast-forward for dev and CI). */
  fireSleeps(): number;
  stop(): Promise<void>;
}
