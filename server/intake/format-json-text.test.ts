import { describe, expect, it } from "vitest";
import { formatJsonText } from "./format-json-text";

describe("formatJsonText", () => {
  it("indents without touching literals: 64-bit ids and decimals stay exact", () => {
    const raw = '{"id":820982911946154508,"price":"19.990","n":1.50,"ok":true,"x":null,"a":[1,{"b":"c, d: {e}"}],"e":{},"f":[]}';
    expect(formatJsonText(raw)).toBe(
      [
        "{",
        '  "id": 820982911946154508,',
        '  "price": "19.990",',
        '  "n": 1.50,',
        '  "ok": true,',
        '  "x": null,',
        '  "a": [',
        "    1,",
        "    {",
        '      "b": "c, d: {e}"',
        "    }",
        "  ],",
        '  "e": {},',
        '  "f": []',
        "}",
      ].join("\n"),
    );
  });

  it("keeps escaped quotes and backslashes inside strings", () => {
    expect(formatJsonText('{"q":"say \\"hi\\", \\\\ ok"}')).toBe('{\n  "q": "say \\"hi\\", \\\\ ok"\n}');
  });

  it("re-indents already pretty text identically", () => {
    const pretty = '{\n  "a": [\n    1,\n    2\n  ]\n}';
    expect(formatJsonText(pretty)).toBe(pretty);
  });

  it("returns text that is not JSON unchanged", () => {
    expect(formatJsonText("webhook_id=12")).toBe("webhook_id=12");
    expect(formatJsonText('{"a": "unterminated')).toBe('{"a": "unterminated');
    expect(formatJsonText('{"a": [1, 2}')).toBe('{"a": [1, 2}');
  });
});
