import { z } from "zod";

/**
 * One route's contract: what it accepts and what it answers, as zod schemas. The route parses
 * with `body`/`query` (parseJson / parseQuery), answers with `reply(contract.response, …)`,
 * the client imports the inferred types (`import type`), and /api/v1/openapi.json is generated
 * from the same objects, so server, client and document cannot drift apart. Pure: no
 * server-only, no db, so a `*.schema.ts` contract module stays client-safe.
 */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The error statuses an operation may answer with (described once in the document). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/** Media types a request body may come in; a plain HTML form posts its fields urlencoded. */
export type BodyMediaType = "application/json" | "application/x-www-form-urlencoded";

/** A redirect's status: no body, a `Location` (303 See Other answers a plain form post: POST-redirect-GET). */
export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

interface RouteContractBase {
  method: HttpMethod;
  /** The URL path as served, path params in braces: `/api/v1/subscriptions/{id}`. */
  path: string;
  summary: string;
  tag: string;
  /** `session`: the portal cookie or a Bearer token (the default); `public`: no credential; `signature`: HMAC of the body. */
  auth?: "session" | "public" | "signature";
  /** Documentation of the path params; parsing stays in server/http/path-params.ts (404 on a malformed id). */
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  bodyRequired?: boolean;
  /** The media types `body` is accepted in (default JSON only); a form's fields are `body`'s. */
  bodyMediaTypes?: readonly BodyMediaType[];
  status?: number;
  /** Other success answers (e.g. 200 for an idempotent replay beside the 201). */
  alsoStatus?: readonly number[];
  /** The success answer's media type when it is not JSON: `text/csv` for an export, whose `response` is then a z.string(). */
  responseMediaType?: "text/csv";
  /** Answers that are redirects, by status: where their `Location` points, and when. */
  redirects?: Partial<Record<RedirectStatus, string>>;
  errors?: readonly ErrorStatus[];
  /** Answers beyond the success one whose body is not the usual `{ error }` (e.g. intake's dead letter). */
  otherResponses?: Record<number, { description: string; body: z.ZodType }>;
  headers?: ReadonlyArray<{ name: string; description: string }>;
  description?: string;
}

export type RouteContract = RouteContractBase &
  (
    | {
        /** The success answer's body (JSON unless `responseMediaType` says otherwise). */
        response: z.ZodType;
      }
    | {
        /** A route whose success answer is a redirect has no body to describe: its `status` is one of its `redirects`. */
        response?: never;
        status: RedirectStatus;
        redirects: Partial<Record<RedirectStatus, string>>;
      }
  );

/** Declares a contract, keeping its literal schema types for `z.infer` on the client. */
export const defineRoute = <const C extends RouteContract>(contract: C): C => contract;

/** Path param shapes, for the document only (the route parses with uuidParam / intIdParam). */
export const uuidPath = z.uuid();
export const intIdPath = z.int().min(1).max(2_147_483_647);

/** The body of every error answer (server/errors/to-error-response.ts). */
export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }),
});

/** The typed body of a contract's success answer, for the client. */
export type ResponseOf<C extends { response: z.ZodType }> = z.output<C["response"]>;
/** The typed request body a client sends (zod input: fields with defaults are optional). */
export type BodyOf<C extends { body: z.ZodType }> = z.input<C["body"]>;
