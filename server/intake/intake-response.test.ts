import { describe, expect, it } from "vitest";
import { classifyAdapterError } from "./issue-codes";
import { assertMatches } from "../http/reply";
import { toIntakeResponse } from "./intake-response";
import { intakeRoutes } from "./intake-routes.schema";

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

  it("answers every status with the body its route contract declares for that HTTP status", () => {
    const { receive } = intakeRoutes;
    const issue = { path: "lines[0].sku", message: "Unknown SKU", code: "unknown_sku" as const };
    const results = [
      toIntakeResponse({ payloadId: "p", status: "accepted", action: "created", orderId: "o" }),
      toIntakeResponse({ payloadId: "p", status: "accepted", action: "status_advanced", orderId: "o" }),
      toIntakeResponse({ payloadId: "p", status: "duplicate", orderId: "o", action: "created", duplicatePayloadId: "p2" }),
      toIntakeResponse({ payloadId: "p", status: "received" }),
      toIntakeResponse({ payloadId: "p", status: "ignored", reason: "test_order" }),
      toIntakeResponse({ payloadId: "p", status: "superseded", reason: "state_regression" }),
      toIntakeResponse({ payloadId: "p", status: "rejected", reason: "already_shipped" }),
      toIntakeResponse({ payloadId: "p", status: "rejected", reason: "bad_signature" }),
      toIntakeResponse({ payloadId: "p", status: "rejected", reason: "body_too_large" }),
      toIntakeResponse({ payloadId: "p", status: "dead_lettered", reason: "unknown_sku", errors: [issue] }),
      toIntakeResponse({ payloadId: "p", status: "dead_lettered", reason: "malformed_body", errors: [] }),
    ];
    const other: Record<number, { body: Parameters<typeof assertMatches>[0] } | undefined> = receive.otherResponses;
    for (const { status, body } of results) {
      const success: readonly number[] = [receive.status, ...receive.alsoStatus];
      const schema = success.includes(status) ? receive.response : other[status]?.body;
      expect(schema, `a schema for HTTP ${status}`).toBeDefined();
      expect(() => assertMatches(schema!, body)).not.toThrow();
    }
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([200, 201, 202, 400, 401, 413, 422]));
  });

  it("answers a connected store's webhook with the bodies its contract declares, a failed thin-webhook fetch included (200)", () => {
    const { receiveForConnection } = intakeRoutes;
    const issue = { path: "", message: "GET /stores/h/v2/orders/9 answered HTTP 404 Not Found", code: "fetch_failed" as const };
    const fetchFailed = toIntakeResponse({ payloadId: "p", status: "dead_lettered", reason: "fetch_failed", errors: [issue] });
    expect(fetchFailed.status).toBe(200);
    expect(() => assertMatches(receiveForConnection.response, fetchFailed.body)).not.toThrow();
    // The channel route's contract has no such answer: only a connected store fetches thin webhooks.
    expect(() => assertMatches(intakeRoutes.receive.response, fetchFailed.body)).toThrow();
    const created = toIntakeResponse({ payloadId: "p", status: "accepted", action: "created", orderId: "o" });
    expect(() => assertMatches(receiveForConnection.response, created.body)).not.toThrow();
    expect(receiveForConnection.otherResponses).toBe(intakeRoutes.receive.otherResponses);
  });
});
