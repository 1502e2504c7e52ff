import { z } from "zod";
import { CronError, parseCron, type CronSchedule } from "./cron";
import { parseTimeString } from "./duration";
import { ExpressionError, compileExpression, type Compiled } from "./expressions";
import type { Rejection } from "./types";

/**
 * Turns synced function configs into what the executor runs, rejecting —
 * never silently ignoring — anything it cannot honour faithfully.
 */

export interface ConcurrencyRule {
  limit: number;
  scope: "fn" | "env" | "account";
  key?: Compiled;
}

export interface LocalFunction {
  id: string;
  name: string;
  /** The SDK-reported runtime URL, already carrying `fnId` and `stepId=step`. */
  url: string;
  maxAttempts: number;
  triggers: { event: string; condition?: Compiled }[];
  crons: CronSchedule[];
  concurrency: ConcurrencyRule[];
  idempotency?: Compiled;
  cancel: { event: string; condition?: Compiled; timeoutMs?: number }[];
  /** `batchEvents`: runs start with up to maxSize events, at most timeoutMs after the first. */
  batch?: { maxSize: number; timeoutMs: number; key?: Compiled };
}

const unsupported: Record<string, string> = {
  rateLimit: "rate limiting is not implemented",
  throttle: "throttling is not implemented",
  debounce: "debouncing is not implemented",
  priority: "priority expressions are not implemented",
  timeouts: "start/finish timeouts are not implemented",
  singleton: "singleton runs are not implemented",
};

const handled = new Set(["id", "name", "triggers", "steps", "idempotency", "concurrency", "cancel", "batchEvents"]);

/** Inngest's default when `retries` is unset; `attempts` on the wire is really a retry count. */
const defaultRetries = 3;

const concurrencyItem = z.strictObject({
  limit: z.number().int().min(0),
  key: z.string().optional(),
  scope: z.enum(["fn", "env", "account"]).optional(),
});

const configSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string().optional(),
  triggers: z.array(
    z.union([
      z.strictObject({ event: z.string(), expression: z.string().optional() }),
      z.strictObject({ cron: z.string(), jitter: z.string().optional() }),
    ]),
  ),
  steps: z.record(
    z.string(),
    z.looseObject({
      runtime: z.strictObject({ type: z.string(), url: z.url() }),
      retries: z.strictObject({ attempts: z.number().int().min(0).optional() }).optional(),
    }),
  ),
  idempotency: z.string().optional(),
  concurrency: z.union([z.number().int().min(0), concurrencyItem, z.array(concurrencyItem)]).optional(),
  cancel: z.array(z.strictObject({ event: z.string(), if: z.string().optional(), timeout: z.string().optional() })).optional(),
  batchEvents: z
    .strictObject({ maxSize: z.number().int().min(1), timeout: z.string(), key: z.string().optional(), if: z.string().optional() })
    .optional(),
});

class Reject extends Error {
  constructor(
    readonly feature: string,
    detail: string,
  ) {
    super(detail);
  }
}

function expr(source: string, roots: string[], feature: string, simpleOnly = false): Compiled {
  try {
    const compiled = compileExpression(source, roots);
    if (simpleOnly && !compiled.simple) throw new ExpressionError("only a plain path like event.data.orderId (or a literal) is supported");
    return compiled;
  } catch (err) {
    if (err instanceof ExpressionError) throw new Reject(feature, `expression "${source}" is not supported: ${err.message}`);
    throw err;
  }
}

function compileOne(raw: unknown): LocalFunction {
  // Drop null-valued keys: an absent option is fine, whatever its spelling.
  const obj = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined));
  for (const key of Object.keys(obj)) {
    if (unsupported[key]) throw new Reject(key, unsupported[key]);
    if (!handled.has(key)) throw new Reject(key, `unknown config field "${key}" (newer SDK?); refusing to ignore it`);
  }
  const parsed = configSchema.safeParse(obj);
  if (!parsed.success) throw new Reject("config", `invalid config: ${z.prettifyError(parsed.error)}`);
  const cfg = parsed.data;

  const stepEntries = Object.entries(cfg.steps);
  const [stepName, step] = stepEntries[0] ?? [];
  if (stepEntries.length !== 1 || stepName !== "step" || !step)
    throw new Reject("steps", `expected exactly one "step" entry, got ${stepEntries.map(([k]) => k).join(", ") || "none"}`);
  if (step.runtime.type !== "http")
    throw new Reject("runtime", `runtime type "${step.runtime.type}" (connect/websocket) is not supported; only http`);

  const fn: LocalFunction = {
    id: cfg.id,
    name: cfg.name ?? cfg.id,
    url: step.runtime.url,
    maxAttempts: (step.retries?.attempts ?? defaultRetries) + 1,
    triggers: [],
    crons: [],
    concurrency: [],
    cancel: [],
  };
  for (const t of cfg.triggers) {
    if ("event" in t) {
      fn.triggers.push({ event: t.event, condition: t.expression ? expr(t.expression, ["event"], "trigger expression") : undefined });
      continue;
    }
    if (t.jitter) throw new Reject("cron jitter", `cron jitter "${t.jitter}" is not implemented`);
    try {
      fn.crons.push(parseCron(t.cron));
    } catch (err) {
      if (err instanceof CronError) throw new Reject("cron", `cron "${t.cron}" is not supported: ${err.message}`);
      throw err;
    }
  }
  const rules = cfg.concurrency === undefined ? [] : typeof cfg.concurrency === "number" ? [{ limit: cfg.concurrency }] : [cfg.concurrency].flat();
  for (const r of rules) {
    // A limit of 0 means "no limit" in Inngest's config.
    if (r.limit === 0) continue;
    fn.concurrency.push({ limit: r.limit, scope: r.scope ?? "fn", key: r.key ? expr(r.key, ["event"], "concurrency key", true) : undefined });
  }
  if (cfg.idempotency) fn.idempotency = expr(cfg.idempotency, ["event"], "idempotency key", true);
  for (const c of cfg.cancel ?? []) {
    const timeoutMs = c.timeout === undefined ? undefined : parseTimeString(c.timeout);
    if (c.timeout !== undefined && timeoutMs === undefined)
      throw new Reject("cancelOn timeout", `cancelOn timeout "${c.timeout}" is not a duration (dates are not supported)`);
    fn.cancel.push({ event: c.event, condition: c.if ? expr(c.if, ["event", "async"], "cancelOn if") : undefined, timeoutMs });
  }
  if (cfg.batchEvents) {
    const b = cfg.batchEvents;
    if (b.if) throw new Reject("batchEvents if", "conditional batching (batchEvents.if) is not implemented");
    // As in Inngest: a batch has no single event to key idempotency or cancellation on.
    if (fn.idempotency || fn.cancel.length) throw new Reject("batchEvents", "batching cannot be combined with idempotency or cancelOn");
    const timeoutMs = parseTimeString(b.timeout);
    if (timeoutMs === undefined) throw new Reject("batchEvents timeout", `batch timeout "${b.timeout}" is not a duration`);
    fn.batch = { maxSize: b.maxSize, timeoutMs, key: b.key ? expr(b.key, ["event"], "batch key", true) : undefined };
  }
  return fn;
}

function triggerNames(item: unknown): string[] {
  if (typeof item !== "object" || item === null) return [];
  const triggers = (item as { triggers?: unknown }).triggers;
  if (!Array.isArray(triggers)) return [];
  return triggers.flatMap((t: unknown) =>
    typeof t === "object" && t !== null && typeof (t as { event?: unknown }).event === "string" ? [(t as { event: string }).event] : [],
  );
}

export function compileFunctions(raw: unknown[]): { functions: LocalFunction[]; rejections: Rejection[] } {
  const functions: LocalFunction[] = [];
  const rejections: Rejection[] = [];
  for (const item of raw) {
    const id =
      typeof item === "object" && item !== null && typeof (item as { id?: unknown }).id === "string" ? (item as { id: string }).id : "<missing id>";
    try {
      if (typeof item !== "object" || item === null) throw new Reject("config", "function config is not an object");
      functions.push(compileOne(item));
    } catch (err) {
      if (!(err instanceof Reject)) throw err;
      rejections.push({
        functionId: id,
        feature: err.feature,
        message: `Function "${id}" rejected by the local Inngest executor: ${err.feature} — ${err.message}`,
        triggers: triggerNames(item),
      });
    }
  }
  return { functions, rejections };
}
