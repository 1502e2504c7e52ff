import { describe, expect, it } from "vitest";
import { z } from "zod";
import { assertMatches, reply, ResponseContractError } from "./reply";

const schema = z.object({ id: z.string(), at: z.string(), tags: z.array(z.object({ name: z.string() })) });

describe("reply", () => {
  it("sends the value as JSON with the given status (a Date goes out as its ISO string)", async () => {
    const res = reply(schema, { id: "a", at: new Date("2026-01-02T03:04:05Z"), tags: [] }, { status: 201 });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ id: "a", at: "2026-01-02T03:04:05.000Z", tags: [] });
  });

  it("refuses, outside production, a value that breaks its schema: our bug, never the client's 422", () => {
    expect(() => reply(schema, { id: 1, at: "x", tags: [] } as never)).toThrow(ResponseContractError);
    expect(() => reply(schema, { id: 1, at: "x", tags: [] } as never)).toThrow(/id: /);
  });

  it("refuses fields the schema does not declare, nested ones too (they would leak unreviewed)", () => {
    expect(() => assertMatches(schema, { id: "a", at: "x", tags: [], passwordHash: "h" })).toThrow(/passwordHash/);
    expect(() => assertMatches(schema, { id: "a", at: "x", tags: [{ name: "n", internal: 1 }] })).toThrow(/tags\[0\]\.internal/);
    expect(() => assertMatches(schema, { id: "a", at: "x", tags: [{ name: "n" }] })).not.toThrow();
  });
});
