import { describe, expect, it } from "vitest";
import { unstorableTextFields } from "./unstorable-text-fields";

describe("unstorableTextFields", () => {
  it("names each field holding a NUL or a lone surrogate, nested and in arrays, keys included", () => {
    expect(unstorableTextFields({ name: "a\u0000b", lines: [{ sku: "ok" }, { sku: "x\uD800" }], data: { "k\u0000": 1 }, note: "\uDC00" })).toEqual({
      name: expect.any(String),
      "lines.1.sku": expect.any(String),
      "data.k\u0000": expect.any(String),
      note: expect.any(String),
    });
    expect(unstorableTextFields("\u0000")).toEqual({ _: expect.any(String) });
  });

  it("is null for clean input: other control characters, emoji (a surrogate pair), numbers, null", () => {
    expect(unstorableTextFields({ a: "x\u0001y", b: ["☕ 😀"], c: 1, d: null })).toBeNull();
  });
});
