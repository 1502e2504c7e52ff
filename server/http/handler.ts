import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { type Actor, requireActor } from "../auth/actor";
import type { Permission } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import { toErrorResponse, zodFieldErrors } from "../errors/to-error-response";
import { env } from "../env";
import { csrfRefusal, hasBearerToken, MUTATING_METHODS } from "../security/same-origin";
import { withIdempotency } from "./idempotency";
import { unstorableTextFields } from "./unstorable-text-fields";

type Ctx<P> = { req: Request; actor: Actor; params: P };
type RouteContext<P> = { params: Promise<P> };

/**
 * Wraps a route handler: authenticate + authorize, refuse cross-site cookie mutations, run,
 * map errors to safe JSON. Handlers stay thin: parse, call one domain function, return.
 */
export function withAuth<P = Record<string, string>>(permission: Permission, handler: (ctx: Ctx<P>) => Promise<unknown>) {
  return async (req: Request, context: RouteContext<P>) => {
    try {
      const actor = await requireActor(permission, req);
      assertNotCrossSite(req);
      const params = await context.params;
      // Inside the idempotency layer errors become responses too: a refused request replays as refused.
      return await withIdempotency(req, actor.userId, async () => {
        try {
          const result = await handler({ req, actor, params });
          return result instanceof Response ? result : NextResponse.json(result);
        } catch (e) {
          return errorResponse(e);
        }
      });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

function errorResponse(e: unknown): Response {
  const { status, body, headers } = toErrorResponse(e);
  return NextResponse.json(body, { status, headers });
}

/**
 * CSRF (docs/security.md): a mutation authenticated by the session cookie must come from the
 * app's own pages as JSON. Bearer-token calls carry no ambient credential and pass.
 */
export function assertNotCrossSite(req: Request): void {
  if (!MUTATING_METHODS.has(req.method.toUpperCase()) || hasBearerToken(req)) return;
  const e = env();
  const refused = csrfRefusal(req, [e.APP_URL, e.NEXTAUTH_URL]);
  if (refused) throw new AppError("FORBIDDEN", refused.reason, { [refused.field]: refused.reason });
}

/** Parses a JSON body with a zod schema; malformed JSON and field errors become 400/422. */
export async function parseJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  const unstorable = unstorableTextFields(raw);
  if (unstorable) throw new AppError("VALIDATION", "Please correct the highlighted fields", unstorable);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", "Please correct the highlighted fields", zodFieldErrors(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(req: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const unstorable = unstorableTextFields(params);
  if (unstorable) throw new AppError("VALIDATION", "Invalid query parameters", unstorable);
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid query parameters", zodFieldErrors(parsed.error));
  return parsed.data;
}
