import { describe, expect, it } from "vitest";
import { classifyAdapterError } from "./issue-codes";
import { toIntakeResponse } from "./intake-response";

describe("toIntakeResponse", () => {
  it("answers a created order with 201 and a replay with the original result, 200 and Idempotent-Replayed", () => {
    expect(toIntakeResponse({ payloadId: "p1", status: "accepted", action: "created", orderId: "o1" })).toMatchObject({
      status: 201,
      body: { payloadId: "p1", status: "accepted", orderId: "o1" },
    });
    const replay = toIntakeResponse({ payloadId: "p1", status: "duplicate", orderId: "o1", action: "created", duplicatePayloadId: "p2" });
    expect(replay).toEqual({
      status: 200,
      body: { payloadId: "p1", status: "accepted", orderId: "o1", action: "created", duplicatePayloadId: "p2" },
      headers: { "X-Intake-Payload-Id": "p2", "Idempotent-Replayed": "true" },
    });
  });

  it("maps dead letters to 422 VALIDATION (400 for malformed bodies) with fields and coded reasons", () => {
    const errors = [{ path: "lines[0].sku", message: "Unknown SKU", code: "unknown_sku" as const }];
    expect(toIntakeResponse({ payloadId: "p", status: "dead_lettered", reason: "unknown_sku", errors })).toMatchObject({
      status: 422,
      body: { payloadId: "p", deadLetter: true, error: { code: "VALIDATION", fields: { "lines[0].sku": "Unknown SKU" }, reasons: errors } },
    });
    expect(toIntakeResponse({ payloadId: "p", status: "dead_lettered", reason: "malformed_body", errors: [] })).toMatchObject({
      status: 400,
      body: { payloadId: "p", deadLetter: true, error: { code: "BAD_REQUEST" } },
    });
  });

  it("maps signature failures to 401, queued retries to 202 and stale updates to 200", () => {
    expect(toIntakeResponse({ payloadId: "p", status: "rejected", reason: "bad_signature" }).status).toBe(401);
    expect(toIntakeResponse({ payloadId: "p", status: "received" }).status).toBe(202);
    expect(toIntakeResponse({ payloadId: "p", status: "rejected", reason: "state_regression", orderId: "o" })).toMatchObject({
      status: 200,
      body: { status: "rejected", reason: "state_regression", orderId: "o" },
    });
  });
});

describe("classifyAdapterError", () => {
  it("codes the adapters' errors: body, completeness, malformed values", () => {
    expect(classifyAdapterError({ path: "", message: "Body is not valid JSON: x" }).code).toBe("malformed_body");
    expect(classifyAdapterError({ path: "customer.email", message: "Email is missing or invalid" }).code).toBe("missing_field");
    expect(classifyAdapterError({ path: "lines", message: "Order has no lines" }).code).toBe("missing_field");
    expect(classifyAdapterError({ path: "lines[0].unitPriceMinor", message: '"1.005" has more than 2 decimal place(s)' }).code).toBe("invalid_field");
  });
});
