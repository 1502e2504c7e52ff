import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { zonedInstant } from "@/server/schedule";
import { makeProduct, makeSubscription, resetGenerationTables } from "@/test/support/generation/factories";
import { makeCustomer } from "@/test/support/subscriptions/factories";
import { whatIfRequestSchema, forecastQuerySchema } from "../forecast.schema";
import { getDemandForecast } from "../get-demand-forecast";
import { getTimeTravel } from "../get-time-travel";
import { getWhatIf } from "../get-what-if";

const NOW = new Date("2027-03-01T12:00:00Z");

async function book() {
  const db = getDb();
  const cheap = await makeProduct(db, { priceMinor: 1000, stock: 5 });
  const dear = await makeProduct(db, { priceMinor: 40_000, stock: 100 });
  const ny = await makeCustomer(db, { timeZone: "America/New_York" });
  const tokyo = await makeCustomer(db, { timeZone: "Asia/Tokyo" });
  await makeSubscription(db, {
    customerId: ny.customer.id,
    productId: cheap.id,
    quantity: 2,
    frequency: "weekly",
    anchorDate: "2027-03-02",
    timeZone: "America/New_York",
    nextRunAt: zonedInstant("2027-03-02", "09:00", "America/New_York"),
  });
  await makeSubscription(db, {
    customerId: tokyo.customer.id,
    productId: dear.id,
    quantity: 1,
    frequency: "biweekly",
    anchorDate: "2027-03-03",
    timeZone: "Asia/Tokyo",
    nextRunAt: zonedInstant("2027-03-03", "09:00", "Asia/Tokyo"),
  });
  return { cheap, dear, ny, tokyo };
}

describe("forecast reads", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  it("demand: units per SKU per week, stock and the first short week", async () => {
    const { cheap, dear } = await book();
    const f = await getDemandForecast(getDb(), { weeks: 4, from: "2027-03-01" }, NOW);
    const bySku = new Map(f.skus.map((s) => [s.productId, s]));
    expect(bySku.get(cheap.id)!.weekly).toEqual([2, 2, 2, 2]);
    expect(bySku.get(cheap.id)!.firstShortWeek).toBe(2); // 5 on hand: 2, 4, 6 > 5
    expect(bySku.get(dear.id)!.weekly).toEqual([1, 0, 1, 0]);
    expect(bySku.get(dear.id)!.firstShortWeek).toBeNull();
    expect(f.weekly[0]).toMatchObject({ orders: 2, units: 3, revenueMinor: 2 * 1000 + 40_000 });
  });

  it("time travel: one customer's exact orders, day by day, nothing written", async () => {
    const { ny } = await book();
    const t = await getTimeTravel(getDb(), { months: 1, from: "2027-03-01", segment: { customerId: ny.customer.id } }, NOW);
    expect(t.days.map((d) => d.date)).toEqual(["2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23", "2027-03-30"]);
    expect(t.days[2]!.entries[0]).toMatchObject({ cycleIndex: 2, scheduledFor: "2027-03-16T13:00:00.000Z", amountMinor: 2000 });
    expect(t.totals).toMatchObject({ orders: 5, amountMinor: 10_000 });
    const [row] = await getDb().execute<{ count: number }>(sql`SELECT count(*)::int AS count FROM orders`);
    expect(row!.count).toBe(0);
  });

  it("what-if: a price change and a lower approval threshold, side by side", async () => {
    const { cheap } = await book();
    const input = whatIfRequestSchema.parse({
      weeks: 2,
      from: "2027-03-01",
      prices: [{ productId: cheap.id, priceMinor: 1500 }],
      approvalThresholdMinor: 2500,
    });
    const r = await getWhatIf(getDb(), { ...input, currentApprovalThresholdMinor: 50_000 }, NOW);
    expect(r.difference.weekly[0]!.base).toMatchObject({ revenueMinor: 42_000, needApproval: 0 });
    expect(r.difference.weekly[0]!.draft).toMatchObject({ revenueMinor: 43_000, needApproval: 2 });
    expect(r.difference.skus.every((s) => s.delta.every((d) => d === 0))).toBe(true);
  });

  it("bad input is a field error", () => {
    expect(forecastQuerySchema.safeParse({ weeks: "27" }).error?.issues[0]).toMatchObject({ path: ["weeks"], message: "Weeks must be at most 26" });
    expect(whatIfRequestSchema.safeParse({ weeks: 4 }).success).toBe(false);
  });
});
