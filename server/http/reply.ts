import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";

/** What a handler may hand to `reply`: the schema's output, where a Date may stand for its ISO string (JSON sends it so). */
export type Wire<T> = T extends string
  ? T | Date
  : T extends readonly (infer U)[]
    ? readonly Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** A response that does not match its route's contract: our bug, so a 500 (never the client's 422). */
export class ResponseContractError extends Error {
  override name = "ResponseContractError";
}

/**
 * Dev and tests check every answer against its contract, so drift fails loudly where it is
 * made. A production server skips the check: the value is already typed against the schema
 * at compile time (`Wire<z.output<S>>`), and parsing every list answer again would cost CPU on
 * the hottest paths for a mistake the tests have already caught.
 */
const checkResponses = process.env.NODE_ENV !== "production";

/** The JSON answer for a typed value, checked against `schema` outside production. */
export function reply<S extends z.ZodType>(schema: S, value: Wire<z.output<S>>, init?: ResponseInit): Response {
  if (checkResponses) assertMatches(schema, value);
  return NextResponse.json(value, init);
}

/** Throws ResponseContractError when `value`, as it goes on the wire, breaks `schema` or carries undeclared fields. */
export function assertMatches(schema: z.ZodType, value: unknown): void {
  const wire: unknown = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const parsed = schema.safeParse(wire);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new ResponseContractError(`Response does not match its contract: ${issues}`);
  }
  const extra = undeclared(wire, parsed.data, "");
  if (extra.length > 0) throw new ResponseContractError(`Response has fields its contract does not declare: ${extra.join(", ")}`);
}

/** Paths present in what we would send but dropped by the schema (z.object strips unknown keys). */
function undeclared(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept)) return sent.flatMap((v, i) => undeclared(v, kept[i], `${at}[${i}]`));
  if (!isRecord(sent) || !isRecord(kept)) return [];
  return Object.keys(sent).flatMap((key) => {
    const path = at ? `${at}.${key}` : key;
    return key in kept ? undeclared(sent[key], kept[key], path) : [path];
  });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
