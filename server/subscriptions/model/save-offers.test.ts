import { describe, expect, it } from "vitest";
import { cancelReasonOptions, describeSaveOffer, discountMinor, pauseOfferUntil } from "./save-offers";

describe("save offers (pure)", () => {
  it("describes each kind in the customer's words", () => {
    expect(describeSaveOffer({ kind: "skip_next" })).toBe("Skip your next delivery instead");
    expect(describeSaveOffer({ kind: "pause", pauseMonths: 1 })).toBe("Pause for 1 month instead");
    expect(describeSaveOffer({ kind: "pause", pauseMonths: 3 })).toBe("Pause for 3 months instead");
    expect(describeSaveOffer({ kind: "change_frequency", frequency: "quarterly" })).toBe("Get deliveries every 3 months instead");
    expect(describeSaveOffer({ kind: "discount", discountPercent: 15, discountOrders: 1 })).toBe("Get 15% off your next order");
    expect(describeSaveOffer({ kind: "discount", discountPercent: 15, discountOrders: 3 })).toBe("Get 15% off your next 3 orders");
  });

  it("pauses N calendar months, clamped to the month's end", () => {
    expect(pauseOfferUntil("2026-11-24", 3)).toBe("2027-02-24");
    expect(pauseOfferUntil("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("rounds a discount half up and never above the amount", () => {
    expect(discountMinor(4800, 20)).toBe(960);
    expect(discountMinor(999, 15)).toBe(150); // 149.85
    expect(discountMinor(1, 50)).toBe(1); // 0.5 rounds up
    expect(discountMinor(0, 90)).toBe(0);
  });

  it("lists the five reasons in the dialog's order", () => {
    expect(cancelReasonOptions().map((o) => o.value)).toEqual(["too_much_product", "too_expensive", "switching_product", "moving", "other"]);
  });
});
