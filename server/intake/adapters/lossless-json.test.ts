import { describe, expect, it } from "vitest";
import { parseLosslessJson, quoteUnsafeNumbers } from "./lossless-json";

const parse = (text: string): unknown => {
  const result = parseLosslessJson(text);
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

describe("parseLosslessJson", () => {
  it("keeps 64-bit ids exact where JSON.parse rounds them", () => {
    const text = '{"id":820982911946154508,"line_items":[{"id":866550311766439020},{"id":141249953214522974}]}';
    expect((JSON.parse(text) as { id: number }).id).toBe(820982911946154500); // the bug being fixed
    expect(parse(text)).toEqual({
      id: "820982911946154508",
      line_items: [{ id: "866550311766439020" }, { id: "141249953214522974" }],
    });
  });

  it("keeps two distinct ids distinct when doubles would merge them", () => {
    expect(JSON.parse("[1466157049123456789,1466157049123456790]")).toEqual([1466157049123456800, 1466157049123456800]);
    expect(parse("[1466157049123456789,1466157049123456790]")).toEqual(["1466157049123456789", "1466157049123456790"]);
  });

  it("leaves numbers of up to 15 digits as numbers", () => {
    expect(parse('{"a":808950810,"b":44105373835447,"c":999999999999999,"d":-12,"e":0,"f":19.99,"g":3}')).toEqual({
      a: 808950810,
      b: 44105373835447,
      c: 999999999999999,
      d: -12,
      e: 0,
      f: 19.99,
      g: 3,
    });
  });

  it("quotes from 16 digits on, negative numbers and over-precise decimals included", () => {
    expect(parse("[1000000000000000, -9007199254740993, 12345678901234.567]")).toEqual([
      "1000000000000000",
      "-9007199254740993",
      "12345678901234.567",
    ]);
  });

  it("does not touch digits inside strings, including escaped quotes and backslashes", () => {
    const text = String.raw`{"note":"order 820982911946154508 \"820982911946154509\" \\","gid":"gid://shopify/Order/820982911946154508","n":820982911946154508}`;
    expect(parse(text)).toEqual({
      note: 'order 820982911946154508 "820982911946154509" \\',
      gid: "gid://shopify/Order/820982911946154508",
      n: "820982911946154508",
    });
  });

  it("handles keys that look like numbers, whitespace and nesting", () => {
    expect(parse('{ "12345678901234567" : [ 12345678901234567 , { "x" :\n12345678901234567 } ] }')).toEqual({
      "12345678901234567": ["12345678901234567", { x: "12345678901234567" }],
    });
  });

  it("leaves exponent literals to JSON.parse", () => {
    expect(parse("[1e400, 1.5e3, 12345678901234567e0]")).toEqual([Infinity, 1500, 12345678901234567]);
  });

  it("returns invalid JSON as an error, never throws", () => {
    for (const bad of ["", "{", '{"a":}', "[1,]", '{"id":820982911946154508', "webhook_id=12", '"unterminated']) {
      const result = parseLosslessJson(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Body is not valid JSON/);
    }
  });
});

describe("quoteUnsafeNumbers", () => {
  it("changes nothing when there is nothing to quote", () => {
    const text = '{"a": [1, 2.5, -3], "b": "x 12345678901234567 y", "c": true, "d": null}';
    expect(quoteUnsafeNumbers(text)).toBe(text);
  });

  it("quotes only the unsafe literals, in place", () => {
    expect(quoteUnsafeNumbers('{"id":820982911946154508,"q":2}')).toBe('{"id":"820982911946154508","q":2}');
  });
});
