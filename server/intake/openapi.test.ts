import { describe, expect, it } from "vitest";
import { intakeOpenApiPaths, intakeOpenApiSchemas } from "./openapi";

describe("intake OpenAPI fragment", () => {
  it("publishes the api channel's body from apiOrderSchema (input side: defaults optional)", () => {
    const order = intakeOpenApiSchemas.ApiOrder as { required: string[]; properties: Record<string, unknown> };
    expect(order.required).toEqual(expect.arrayContaining(["externalId", "placedAt", "customer", "currency", "lines", "totals", "status"]));
    expect(order.required).not.toContain("test");
    expect(order.properties).not.toHaveProperty("channel");
    expect(order.properties).not.toHaveProperty("notes");
  });

  it("documents POST /api/intake/{channel} with its signature headers and every response", () => {
    const path = intakeOpenApiPaths["/intake/{channel}"] as {
      servers: unknown;
      post: { parameters: Array<{ name: string }>; responses: Record<string, unknown> };
    };
    expect(path.servers).toEqual([{ url: "/api" }]);
    expect(path.post.parameters.map((p) => p.name)).toEqual(["channel", "X-Replen-Signature", "X-Shopify-Hmac-Sha256", "X-WC-Webhook-Signature"]);
    expect(Object.keys(path.post.responses).sort()).toEqual(["200", "201", "202", "400", "401", "404", "413", "422"]);
  });
});
