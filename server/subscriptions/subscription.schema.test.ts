import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "../errors/to-error-response";
import { changeSubscriptionSchema, createSubscriptionSchema, schedulePreviewSchema } from "./subscription.schema";
import { ACTION_FROM, canPerform } from "./subscription-status";

const valid = { productId: "3f1c2d9e-8a7b-4c6d-9e0f-112233445566", quantity: 2, frequency: "monthly", startDate: "2027-01-31" };
const errorsOf = (result: { success: boolean; error?: unknown }) =>
  result.success ? {} : zodFieldErrors(result.error as Parameters<typeof zodFieldErrors>[0]);

describe("createSubscriptionSchema", () => {
  it("fills defaults: 09:00, until cancelled", () => {
    expect(createSubscriptionSchema.parse(valid)).toMatchObject({ localTime: "09:00", end: { kind: "until_cancelled" } });
  });

  it("reports each bad field by path", () => {
    const result = createSubscriptionSchema.safeParse({ ...valid, productId: "x", quantity: 0, frequency: "hourly", startDate: "2027-02-30" });
    expect(errorsOf(result)).toEqual({
      productId: "Choose a product",
      quantity: "Quantity must be at least 1",
      frequency: "Choose a frequency",
      startDate: "Enter a valid date (YYYY-MM-DD)",
    });
  });

  it("refuses an end date before the start and a non-positive cycle count", () => {
    expect(errorsOf(createSubscriptionSchema.safeParse({ ...valid, end: { kind: "on_date", endDate: "2027-01-30" } }))).toEqual({
      "end.endDate": "End date must be on or after the start date",
    });
    expect(createSubscriptionSchema.safeParse({ ...valid, end: { kind: "on_date", endDate: "2027-01-31" } }).success).toBe(true);
    expect(errorsOf(createSubscriptionSchema.safeParse({ ...valid, end: { kind: "after_cycles", cycles: 0 } }))).toEqual({
      "end.cycles": "Cycles must be a positive integer",
    });
  });

  it("refuses fractional and huge quantities", () => {
    expect(createSubscriptionSchema.safeParse({ ...valid, quantity: 1.5 }).success).toBe(false);
    expect(createSubscriptionSchema.safeParse({ ...valid, quantity: 100 }).success).toBe(false);
  });
});

describe("schedulePreviewSchema", () => {
  it("requires a real IANA zone and bounds count", () => {
    const result = schedulePreviewSchema.safeParse({ frequency: "monthly", startDate: "2027-01-31", timeZone: "+05:00", count: 101 });
    expect(errorsOf(result)).toEqual({ timeZone: "Unknown time zone", count: "Count must be at most 100" });
  });
});

describe("changeSubscriptionSchema", () => {
  it("needs at least one change", () => {
    expect(errorsOf(changeSubscriptionSchema.safeParse({}))).toEqual({ frequency: "Change the frequency or the quantity" });
    expect(changeSubscriptionSchema.safeParse({ quantity: 3 }).success).toBe(true);
  });
});

describe("transition table", () => {
  it("allows each action only from its statuses; cancelled and completed are final", () => {
    expect(canPerform("active", "pause")).toBe(true);
    expect(canPerform("paused", "pause")).toBe(false);
    expect(canPerform("paused", "resume")).toBe(true);
    expect(canPerform("paused", "skip")).toBe(false);
    for (const action of Object.keys(ACTION_FROM) as Array<keyof typeof ACTION_FROM>) {
      expect(canPerform("cancelled", action)).toBe(false);
      expect(canPerform("completed", action)).toBe(false);
    }
  });
});
