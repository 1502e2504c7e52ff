import { describe, expect, it } from "vitest";
import { parseRetryAfter, parseTimeString, resolveDueAt } from "./duration";
import { ExpressionError, compileExpression, test } from "./expressions";

const vars = {
  event: { name: "order/placed", data: { orderId: "o-1", total: 12.5, tags: ["a"], nested: { ok: true } } },
  async: { data: { orderId: "o-1", total: 3, "odd-key": "x" } },
};
const check = (src: string) => test(compileExpression(src, ["event", "async"]), vars);

describe("expressions", () => {
  it("evaluates what the SDK generates for match and onFailure", () => {
    expect(check("event.data.orderId == async.data.orderId")).toBe(true);
    expect(check("event.data.function_id == 'contract-x'")).toBe(false);
    expect(test(compileExpression("event.data.function_id == 'contract-x'", ["event"]), { event: { data: { function_id: "contract-x" } } })).toBe(
      true,
    );
  });

  it("supports boolean logic, comparisons, indexing and literals", () => {
    expect(check("event.data.total > 10 && async.data.total <= 3")).toBe(true);
    expect(check("!(event.data.total < 10) || false")).toBe(true);
    expect(check('async.data["odd-key"] == "x" && event.data.tags[0] == "a"')).toBe(true);
    expect(check("event.data.nested.ok == true && event.data.missing == null")).toBe(true);
    expect(check("event.data.missing == async.data.alsoMissing")).toBe(true);
    expect(check('"10" < 9')).toBe(false);
    expect(check("'it\\'s' == \"it's\"")).toBe(true);
  });

  it("marks bare paths and literals as simple (usable as keys)", () => {
    expect(compileExpression("event.data.orderId", ["event"]).simple).toBe(true);
    expect(compileExpression("'global'", ["event"]).simple).toBe(true);
    expect(compileExpression("event.data.a == 1", ["event"]).simple).toBe(false);
  });

  it.each([
    ["size(event.data.tags) > 0", /function calls/],
    ['event.data.a + "-" + event.data.b', /unsupported syntax/],
    ["user.id == 1", /unknown variable "user"/],
    ["event.data.a ==", /expected/],
    ["event.data.a == 1 1", /unexpected "1"/],
  ])("refuses %s", (src, message) => {
    expect(() => compileExpression(src, ["event"])).toThrow(ExpressionError);
    expect(() => compileExpression(src, ["event"])).toThrow(message);
  });
});

describe("durations", () => {
  it("parses Inngest time strings", () => {
    expect(parseTimeString("1s")).toBe(1_000);
    expect(parseTimeString("1d2h30m10s")).toBe(86_400_000 + 7_200_000 + 1_800_000 + 10_000);
    expect(parseTimeString("500ms")).toBe(500);
    expect(parseTimeString("1w")).toBe(604_800_000);
    expect(parseTimeString("soon")).toBeUndefined();
    expect(parseTimeString("10x")).toBeUndefined();
  });

  it("resolves sleeps given as durations or ISO dates", () => {
    expect(resolveDueAt("2m", 1_000)).toBe(121_000);
    expect(resolveDueAt("2030-01-01T00:00:00.000Z", 0)).toBe(Date.parse("2030-01-01T00:00:00.000Z"));
    expect(() => resolveDueAt("whenever", 0)).toThrow(/Unrecognised/);
  });

  it("reads Retry-After as seconds or a date", () => {
    expect(parseRetryAfter("3", 0)).toBe(3_000);
    expect(parseRetryAfter(new Date(5_000).toISOString(), 1_000)).toBe(4_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});
