import { describe, expect, it } from "vitest";
import { bulkPreviewBodySchema } from "@/server/workflows/admin/operate.schema";
import { EMPTY_FORM, toOrderFilter } from "./order-filter";

describe("toOrderFilter", () => {
  it("leaves blanks out, so an untouched form is the empty filter the API refuses", () => {
    expect(toOrderFilter(EMPTY_FORM)).toEqual({});
    expect(toOrderFilter({ ...EMPTY_FORM, error: "   " })).toEqual({});
    expect(bulkPreviewBodySchema.safeParse({ filter: toOrderFilter(EMPTY_FORM) }).success).toBe(false);
  });

  it("trims text, numbers the version and turns local date-times into instants the API accepts", () => {
    const f = toOrderFilter({
      state: " payment_failed ",
      versionId: "7",
      error: "card_declined",
      channel: "shopify",
      enteredFrom: "2026-03-01T10:00",
      enteredTo: "2026-03-02T10:00",
    });
    expect(f).toMatchObject({ state: "payment_failed", versionId: 7, error: "card_declined", channel: "shopify" });
    expect(new Date(f.enteredFrom!).getTime()).toBe(new Date("2026-03-01T10:00").getTime());
    expect(bulkPreviewBodySchema.safeParse({ filter: f }).success).toBe(true);
  });
});
