import { z } from "zod";
import { errorText } from "./call";
import { compileFunctions, type LocalFunction } from "./config";
import type { TimerSet } from "./timers";
import { ProtocolError, type Logger, type Rejection } from "./types";

/**
 * In-band sync: the executor PUTs to the serve URL and the SDK answers with
 * its function configs directly, so the app never needs to reach us to
 * register (`InngestCommHandler.handleAction`, PUT branch).
 */

export interface SyncedApp {
  appId: string;
  sdk: string;
  framework?: string;
  functions: LocalFunction[];
  rejections: Rejection[];
  syncedAt: number;
}

const inBandResponse = z.looseObject({
  app_id: z.string().min(1),
  sdk: z.string(),
  framework: z.string().optional(),
  url: z.string(),
  functions: z.array(z.unknown()),
  inspection: z.looseObject({ mode: z.string() }),
});

/** The app answered, but not in a way we can use; retrying won't help. */
export class SyncError extends Error {
  override name = "SyncError";
}

export async function syncApp(appUrl: string, timeoutMs: number): Promise<SyncedApp> {
  // The SDK validates the body with `inBandSyncRequestBodySchema` (strict `{ url }`)
  // and derives every function's runtime URL from it.
  const res = await fetch(appUrl, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-inngest-sync-kind": "in_band", "x-inngest-server-kind": "dev" },
    body: JSON.stringify({ url: appUrl }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  if (res.status === 401) throw new SyncError(`app at ${appUrl} answered 401: it is in cloud mode; set INNGEST_DEV=1 in the app's environment`);
  if (res.status !== 200) throw new SyncError(`sync PUT ${appUrl} answered ${res.status}: ${text.slice(0, 500)}`);
  if (res.headers.get("x-inngest-sync-kind") !== "in_band") {
    // Without this header the SDK fell back to out-of-band sync (e.g.
    // INNGEST_ALLOW_IN_BAND_SYNC=0) and POSTed to /fn/register instead.
    throw new ProtocolError(
      `sync response lacks "x-inngest-sync-kind: in_band" (got ${res.headers.get("x-inngest-sync-kind") ?? "none"}); in-band sync is required — is INNGEST_ALLOW_IN_BAND_SYNC disabled?`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProtocolError(`sync response is not JSON: ${text.slice(0, 200)}`);
  }
  const parsed = inBandResponse.safeParse(json);
  if (!parsed.success) throw new ProtocolError(`unexpected in-band sync response shape: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.inspection.mode !== "dev")
    throw new SyncError(`app reports mode "${parsed.data.inspection.mode}"; set INNGEST_DEV=1 so it accepts unsigned requests`);
  const { functions, rejections } = compileFunctions(parsed.data.functions);
  return { appId: parsed.data.app_id, sdk: parsed.data.sdk, framework: parsed.data.framework, functions, rejections, syncedAt: Date.now() };
}

export interface SyncResult {
  /** False when any function was rejected (the rest are still registered). */
  ok: boolean;
  appId: string;
  sdk: string;
  functions: string[];
  rejections: Rejection[];
}

export function toSyncResult(app: SyncedApp): SyncResult {
  return { ok: app.rejections.length === 0, appId: app.appId, sdk: app.sdk, functions: app.functions.map((f) => f.id), rejections: app.rejections };
}

interface SyncerDeps {
  appUrl: string;
  timers: TimerSet;
  log: Logger;
  onSynced(app: SyncedApp): void;
  protocolIssue(message: string): void;
}

/** Owns the current sync: on demand, retried until the app is up, or periodic. */
export class AppSyncer {
  app?: SyncedApp;
  lastError?: string;
  private markSynced: (result: SyncResult) => void = () => {};
  readonly synced = new Promise<SyncResult>((resolve) => (this.markSynced = resolve));

  constructor(private readonly deps: SyncerDeps) {}

  async sync(): Promise<SyncResult> {
    try {
      this.app = await syncApp(this.deps.appUrl, 30_000);
    } catch (err) {
      this.lastError = errorText(err);
      if (err instanceof ProtocolError) this.deps.protocolIssue(`sync: ${err.message}`);
      throw err;
    }
    this.lastError = undefined;
    this.deps.onSynced(this.app);
    for (const r of this.app.rejections) this.deps.log.error(r.message);
    const { appId, sdk, functions, rejections } = this.app;
    this.deps.log.info(
      `synced app "${appId}" (${sdk}): ${functions.length} function(s)${rejections.length ? `, ${rejections.length} REJECTED` : ""}`,
    );
    const result = toSyncResult(this.app);
    this.markSynced(result);
    return result;
  }

  /** Next.js compiles routes lazily, so the first attempts may well fail; keep trying quietly. */
  retryUntilUp(intervalMs: number, attempt = 0): void {
    this.sync().catch((err: unknown) => {
      const message = `waiting for app at ${this.deps.appUrl}: ${errorText(err)}`;
      this.deps.log[attempt % 30 === 0 ? "warn" : "debug"](message);
      this.deps.timers.schedule("sync", intervalMs, () => this.retryUntilUp(intervalMs, attempt + 1));
    });
  }

  resyncEvery(intervalMs: number): void {
    this.deps.timers.schedule("sync", intervalMs, () => {
      this.sync()
        .catch((err: unknown) => this.deps.log.warn(`re-sync failed: ${errorText(err)}`))
        .finally(() => this.resyncEvery(intervalMs));
    });
  }
}
