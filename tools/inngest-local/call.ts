import { z } from "zod";
import { parseRetryAfter } from "./duration";
import { ProtocolError, type InngestEvent, type SerializedError, type StepResult } from "./types";

/**
 * One Call Request to the app's serve handler and a strict reading of its
 * answer. Anything outside what inngest@4.24.0 produces raises ProtocolError
 * so an SDK upgrade that changes the protocol fails loudly, not subtly.
 */

export interface CallBody {
  event: InngestEvent;
  events: InngestEvent[];
  steps: Record<string, StepResult>;
  // No `fn_id` / `qi_id`: without `fn_id` the SDK's `shouldAsyncCheckpoint`
  // returns undefined, so it runs in plain async mode and never tries to
  // checkpoint against our (non-existent) checkpoint API.
  ctx: {
    run_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    use_api: false;
    stack: { stack: string[]; current: number };
  };
}

/** Every opcode in the SDK's `StepOpCode` enum; anything else is protocol drift. */
export const knownOpcodes = new Set([
  "WaitForSignal",
  "WaitForEvent",
  "Step",
  "StepRun",
  "StepError",
  "StepFailed",
  "StepPlanned",
  "Sleep",
  "StepNotFound",
  "InvokeFunction",
  "AIGateway",
  "Gateway",
  "RunComplete",
  "DiscoveryRequest",
  "DeferAdd",
  "DeferAbort",
]);

const opSchema = z.looseObject({
  id: z.string().min(1),
  op: z.string(),
  name: z.string().optional(),
  displayName: z.string().optional(),
  opts: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
  error: z.unknown().optional(),
});

export type Op = z.infer<typeof opSchema>;

export type CallOutcome =
  | { kind: "complete"; data: unknown }
  | { kind: "ops"; ops: Op[]; noRetry: boolean; retryAfterMs?: number }
  | { kind: "error"; status: number; error: SerializedError; retriable: boolean; retryAfterMs?: number };

export function toSerializedError(value: unknown, fallback: string): SerializedError {
  if (typeof value === "object" && value !== null) {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : fallback;
    return { ...v, name: typeof v.name === "string" ? v.name : "Error", message };
  }
  return { name: "Error", message: typeof value === "string" && value ? value : fallback };
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProtocolError(`${what} is not JSON: ${text.slice(0, 200)}`);
  }
}

type HeaderGet = (name: string) => string | null;

function interpret(status: number, header: HeaderGet, text: string): CallOutcome {
  if (status === 201) {
    // INNGEST_STREAMING: heartbeat spaces, then `{ status, headers, body }`.
    const inner = z
      .object({ status: z.number(), headers: z.record(z.string(), z.string()), body: z.string() })
      .safeParse(parseJson(text.trim(), "streamed response"));
    if (!inner.success) throw new ProtocolError(`unexpected streamed response: ${text.slice(0, 200)}`);
    const headers = new Map(Object.entries(inner.data.headers).map(([k, v]) => [k.toLowerCase(), v]));
    return interpret(inner.data.status, (n) => headers.get(n) ?? header(n), inner.data.body);
  }
  const noRetryHeader = header("x-inngest-no-retry");
  const retryAfterMs = parseRetryAfter(header("retry-after"), Date.now());
  if (status === 200 || status === 206) {
    if (!header("x-inngest-sdk")) throw new ProtocolError(`${status} response without x-inngest-sdk header`);
    const version = header("x-inngest-req-version");
    if (version !== "1" && version !== "2") throw new ProtocolError(`unsupported x-inngest-req-version "${version ?? "none"}" (expected 1 or 2)`);
    const body = parseJson(text, `${status} response body`);
    if (status === 200) return { kind: "complete", data: body };
    const ops = z.array(opSchema).min(1).safeParse(body);
    if (!ops.success) throw new ProtocolError(`206 body is not a non-empty op array: ${text.slice(0, 300)}`);
    const unknown = ops.data.find((o) => !knownOpcodes.has(o.op));
    if (unknown) throw new ProtocolError(`unknown opcode "${unknown.op}" from SDK`);
    return { kind: "ops", ops: ops.data, noRetry: noRetryHeader === "true", retryAfterMs };
  }
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not from the SDK (framework error page, proxy); keep the raw text.
  }
  const error = toSerializedError(parsed, `HTTP ${status}: ${text.slice(0, 200) || "no body"}`);
  // Honour the SDK's explicit verdict; otherwise only 5xx/408/429 look transient.
  const retriable = noRetryHeader !== null ? noRetryHeader !== "true" : status >= 500 || status === 408 || status === 429;
  return { kind: "error", status, error, retriable, retryAfterMs };
}

export async function callFunction(url: string, stepId: string, body: CallBody, signal: AbortSignal): Promise<CallOutcome> {
  const target = new URL(url);
  target.searchParams.set("stepId", stepId);
  let res: Response;
  try {
    res = await fetch(target, {
      method: "POST",
      // identity: on loopback, gzip only costs CPU on both ends (Next compresses when asked).
      headers: { "content-type": "application/json", "x-inngest-server-kind": "dev", "accept-encoding": "identity" },
      body: JSON.stringify(body),
      signal,
    });
  } catch (err) {
    // The app being down or slow is an ordinary, retriable failure.
    return { kind: "error", status: 0, error: { name: "FetchError", message: `calling ${target.href} failed: ${errorText(err)}` }, retriable: true };
  }
  const text = await res.text();
  return interpret(res.status, (n) => res.headers.get(n), text);
}

/** One line per call for logs and the run timeline. */
export function describeOutcome(o: CallOutcome): string {
  if (o.kind === "complete") return "200 complete";
  if (o.kind === "ops") return `206 ${o.ops.map((op) => `${op.op}(${op.id.slice(0, 8)})`).join(", ")}`;
  return `${o.status || "network"} error${o.retriable ? "" : " (no retry)"}: ${o.error.message}`;
}

/** Error text including `cause` — undici's "fetch failed" alone says nothing. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message;
}
