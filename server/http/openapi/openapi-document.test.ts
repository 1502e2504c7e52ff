import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineRoute } from "../route-contract";
import { openApiDocument } from "./openapi-document";

type Op = {
  parameters: Array<{ name: string; in: string }>;
  responses: Record<string, { content: { "application/json": { schema: { $ref?: string } } } }>;
};
const doc = openApiDocument() as {
  paths: Record<string, Record<string, Op> & { servers?: unknown }>;
  components: { schemas: Record<string, unknown> };
};

describe("OpenAPI document", () => {
  it("publishes the api channel's body from apiOrderSchema (input side: defaults optional)", () => {
    const order = doc.components.schemas.ApiOrder as { required: string[]; properties: Record<string, unknown> };
    expect(order.required).toEqual(expect.arrayContaining(["externalId", "placedAt", "customer", "currency", "lines", "totals", "status"]));
    expect(order.required).not.toContain("test");
    expect(order.properties).not.toHaveProperty("channel");
    expect(order.properties).not.toHaveProperty("notes");
  });

  it("documents POST /api/intake/{channel} with its signature headers and every response", () => {
    const path = doc.paths["/intake/{channel}"]!;
    expect(path.servers).toEqual([{ url: "/api" }]);
    const post = path.post!;
    expect(post.parameters.map((p) => p.name)).toEqual(["channel", "X-Replen-Signature", "X-Shopify-Hmac-Sha256", "X-WC-Webhook-Signature"]);
    expect(Object.keys(post.responses).sort()).toEqual(["200", "201", "202", "400", "401", "404", "413", "422", "429", "503"]);
    expect(post.responses["422"]!.content["application/json"].schema.$ref).not.toBe("#/components/schemas/Error");
  });

  it("resolves every $ref to a component", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((id) => !(id in doc.components.schemas))).toEqual([]);
  });

  it("lists query parameters from the contract's query schema", () => {
    const params = doc.paths["/orders"]!.get!.parameters;
    expect(params).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "subscriptionId", in: "query" }),
        expect.objectContaining({ name: "limit", in: "query" }),
      ]),
    );
  });
});

describe("OpenAPI document: answers and bodies that are not JSON", () => {
  const form = z.object({ token: z.string() });
  const contracts = [
    defineRoute({ method: "GET", path: "/api/v1/report.csv", summary: "CSV", tag: "T", responseMediaType: "text/csv", response: z.string() }),
    defineRoute({
      method: "POST",
      path: "/api/v1/code",
      summary: "JSON or a form",
      tag: "T",
      body: form,
      bodyMediaTypes: ["application/json", "application/x-www-form-urlencoded"],
      status: 202,
      response: z.object({ sent: z.boolean() }),
      redirects: { 303: "A form post: back to the page" },
      errors: [422],
    }),
    defineRoute({
      method: "POST",
      path: "/api/v1/button",
      summary: "A plain form post",
      tag: "T",
      auth: "public",
      body: form,
      bodyMediaTypes: ["application/x-www-form-urlencoded"],
      status: 303,
      redirects: { 303: "Back to the page, which shows the outcome" },
      errors: [422],
    }),
  ];
  type Response = { description: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> };
  type Operation = { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, Response> };
  const paths = (openApiDocument("/api/v1", contracts) as { paths: Record<string, Record<string, Operation>> }).paths;

  it("gives a text answer its media type", () => {
    expect(Object.keys(paths["/report.csv"]!.get!.responses["200"]!.content!)).toEqual(["text/csv"]);
  });

  it("lists every media type a body is accepted in, with the same schema", () => {
    const content = paths["/code"]!.post!.requestBody!.content;
    expect(Object.keys(content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(content["application/x-www-form-urlencoded"]!.schema).toEqual(content["application/json"]!.schema);
  });

  it("describes redirects with a Location and no body, beside or instead of the JSON answer", () => {
    const code = paths["/code"]!.post!.responses;
    expect(Object.keys(code).sort()).toEqual(["202", "303", "422"]);
    expect(code["303"]).toMatchObject({ description: "A form post: back to the page", headers: { Location: expect.any(Object) } });
    expect(code["303"]).not.toHaveProperty("content");
    const button = paths["/button"]!.post!.responses;
    expect(Object.keys(button).sort()).toEqual(["303", "422"]);
    expect(button["303"]).not.toHaveProperty("content");
  });
});
