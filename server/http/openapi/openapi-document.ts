/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from the route contracts
 * (server/http/openapi/route-contracts.ts): every path, parameter, body and answer comes from
 * the zod schemas the handlers parse and reply with (z.toJSONSchema), so it cannot drift.
 */
import { z } from "zod";
import { requestSchemas, responseSchemas } from "../named-schemas";
import { errorBody, type ErrorStatus, type RouteContract } from "../route-contract";
import { ROUTE_CONTRACTS } from "./route-contracts";

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const API_PREFIX = "/api/v1";

const ERRORS: Record<ErrorStatus, string> = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Not signed in / no valid Bearer token",
  403: "Signed in, but this role may not do this (or a cross-site cookie mutation)",
  404: "Not found — also a malformed id and another customer's resources",
  409: "The resource's state doesn't allow this, or it changed meanwhile",
  413: "The body is too large",
  422: "Field errors: `error.fields` maps a field path to a reason",
  429: "Too many requests; retry after the `Retry-After` header",
  503: "A dependency is unavailable; retry later",
};

const DEFAULT_ERRORS: Record<NonNullable<RouteContract["auth"]>, ErrorStatus[]> = {
  session: [401, 403, 422],
  public: [422],
  signature: [401, 422],
};

/** `get /api/v1/subscriptions/{id}/pause` → `postSubscriptionsByIdPause`: unique per method and path. */
export function operationId(c: Pick<RouteContract, "method" | "path">): string {
  const words = c.path
    .replace(/^\/api(\/v1)?\//, "")
    .split("/")
    .flatMap((seg) => (seg.startsWith("{") ? ["by", seg.slice(1, -1)] : seg.split(/[^a-zA-Z0-9]+/)))
    .filter(Boolean);
  return c.method.toLowerCase() + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/** The id a schema has in `registry`, registering it under `fallbackId` the first time (shared schemas keep their name). */
function idIn(registry: typeof requestSchemas, schema: z.ZodType, fallbackId: string): string {
  const existing = registry.get(schema)?.id;
  if (existing) return existing;
  registry.add(schema, { id: fallbackId });
  return fallbackId;
}

function components(registry: typeof requestSchemas, io: "input" | "output"): Record<string, Json> {
  const rendered = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  // A schema used by several entries but not named itself (e.g. the recursive guard condition)
  // lands in `__shared.$defs`; hoist each into a component of its own, named per side.
  const prefix = io === "input" ? "SharedInput_" : "SharedOutput_";
  const text = JSON.stringify(rendered.schemas).replaceAll(`#/components/schemas/__shared#/$defs/`, `#/components/schemas/${prefix}`);
  const { __shared, ...schemas } = JSON.parse(text) as Record<string, Json & { $defs?: Record<string, Json> }>;
  const hoisted = Object.entries(__shared?.$defs ?? {}).map(([id, schema]) => [`${prefix}${id}`, schema] as const);
  // $schema/$id are per-document in JSON Schema; inside components they'd only confuse tools.
  return Object.fromEntries([...Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema] as const), ...hoisted]);
}

function inline(schema: z.ZodType): Json {
  const { $schema: _s, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return json;
}

function parameters(c: RouteContract): Json[] {
  const pathNames = [...c.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const query = c.query ? (inline(c.query) as { properties?: Record<string, Json>; required?: string[] }) : {};
  return [
    ...pathNames.map((name) => ({ name, in: "path", required: true, schema: c.params?.[name] ? inline(c.params[name]) : { type: "string" } })),
    ...Object.entries(query.properties ?? {}).map(([name, schema]) => ({
      name,
      in: "query",
      required: query.required?.includes(name) ?? false,
      schema,
      ...(typeof schema.description === "string" ? { description: schema.description } : {}),
    })),
    ...(c.headers ?? []).map((h) => ({ name: h.name, in: "header", required: false, schema: { type: "string" }, description: h.description })),
  ];
}

const json = (schema: Json, description: string, mediaType = "application/json") => ({ description, content: { [mediaType]: { schema } } });

/** The same named body schema under every media type it is accepted in (a form's fields are the JSON body's). */
function requestContent(body: z.ZodType, mediaTypes: readonly string[], fallbackId: string): Json {
  const schema = ref(idIn(requestSchemas, body, fallbackId));
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema }]));
}

/** A redirect: no body, only where it points. */
const redirect = (where: string) => ({
  description: where,
  headers: { Location: { description: where, schema: { type: "string", format: "uri-reference" } } },
});

function operation(c: RouteContract): Json {
  const id = operationId(c);
  const name = id[0]!.toUpperCase() + id.slice(1);
  const auth = c.auth ?? "session";
  const status = c.status ?? 200;
  const redirects = Object.entries(c.redirects ?? {}).map(([s, where]) => [s, redirect(where)]);
  // A route whose success is a redirect has no success body; it is among `redirects`.
  const success = c.response ? json(ref(idIn(responseSchemas, c.response, `${name}Response`)), "OK", c.responseMediaType) : undefined;
  const other = Object.entries(c.otherResponses ?? {}).map(([s, r]) => [
    s,
    json(ref(idIn(responseSchemas, r.body, `${name}Response${s}`)), r.description),
  ]);
  const errors = (c.errors ?? DEFAULT_ERRORS[auth]).filter((s) => !(String(s) in (c.otherResponses ?? {})));
  return {
    operationId: id,
    summary: c.summary,
    ...(c.description ? { description: c.description } : {}),
    tags: [c.tag],
    ...(auth === "session" ? {} : { security: [] }),
    parameters: parameters(c),
    ...(c.body
      ? {
          requestBody: {
            required: c.bodyRequired ?? true,
            content: requestContent(c.body, c.bodyMediaTypes ?? ["application/json"], `${name}Request`),
          },
        }
      : {}),
    responses: {
      ...(success ? { [String(status)]: success } : {}),
      ...Object.fromEntries((success ? (c.alsoStatus ?? []) : []).map((s) => [String(s), success])),
      ...Object.fromEntries(redirects),
      ...Object.fromEntries(other),
      ...Object.fromEntries(errors.map((s) => [String(s), json(ref("Error"), ERRORS[s])])),
    },
  };
}

/** Paths under /api/v1 are relative to the document's server; the others (/api/intake, /api/health) say their own. */
function pathKey(path: string): { key: string; servers?: Json[] } {
  if (path.startsWith(`${API_PREFIX}/`)) return { key: path.slice(API_PREFIX.length) };
  return { key: path.replace(/^\/api/, ""), servers: [{ url: "/api" }] };
}

export function openApiDocument(serverUrl = API_PREFIX, contracts: readonly RouteContract[] = ROUTE_CONTRACTS): Json {
  idIn(responseSchemas, errorBody, "Error");
  const paths: Record<string, Json> = {};
  for (const c of contracts) {
    const { key, servers } = pathKey(c.path);
    paths[key] = { ...(servers ? { servers } : {}), ...paths[key], [c.method.toLowerCase()]: operation(c) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Replen API",
      version: "1.0.0",
      description:
        "Recurring orders: the customer API, the staff (admin) API and order intake. Authenticate with the portal session cookie or " +
        "`Authorization: Bearer <token>` (create a token with POST /tokens); admin operations need a staff role. Local dates are " +
        "YYYY-MM-DD in the subscription's time zone; instants are UTC ISO-8601; money is integer minor units. " +
        "Errors: `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token from POST /tokens" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { ...components(requestSchemas, "input"), ...components(responseSchemas, "output") },
    },
  };
}
