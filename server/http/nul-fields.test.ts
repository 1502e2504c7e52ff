import { describe, expect, it } from "vitest";
import { nulFieldErrors } from "./nul-fields";

describe("nulFieldErrors", () => {
  it("names each field holding a NUL, nested and in arrays, keys included", () => {
    expect(nulFieldErrors({ name: "a\u0000b", lines: [{ sku: "ok" }, { sku: "\u0000" }], data: { "k\u0000": 1 } })).toEqual({
      name: expect.any(String), "lines.1.sku": expect.any(String), "data.k": expect.any(String),
    });
    expect(nulFieldErrors("\u0000")).toEqual({ _: expect.any(String) });
  });

  it("is null for clean input, other control characters and lone surrogates", () => {
    expect(nulFieldErrors({ a: "x\u0001y", b: ["\uD800"], c: 1, d: null })).toBeNull();
  });
});
