import { describe, expect, it } from "vitest";
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
