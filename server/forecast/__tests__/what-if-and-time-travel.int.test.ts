import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportGET } from "@/app/api/v1/admin/forecast/export/route";
import { GET as suggestionsGET } from "@/app/api/v1/admin/forecast/frequency-suggestions/route";
import { GET as demandGET } from "@/app/api/v1/admin/forecast/route";
import { GET as timeTravelGET } from "@/app/api/v1/admin/forecast/time-travel/route";
import { POST as whatIfPOST } from "@/app/api/v1/admin/forecast/what-if/route";
import { getDb } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { assertMatches } from "@/server/http/reply";
import { zonedInstant } from "@/server/schedule";
import { makeProduct, makeSubscription, resetGenerationTables } from "@/test/support/generation/factories";
import { makeStaffToken } from "@/test/support/intake/intake-test-kit";
import { makeCustomer } from "@/test/support/subscriptions/factories";
import { forecastRoutes } from "../forecast-routes.schema";
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

describe("the forecast routes answer what their contracts declare", () => {
  beforeEach(() => resetGenerationTables(getDb()));

  /** Calls a handler with a staff token; the JSON answers went through reply(), which checks them outside production. */
  async function call(handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, body?: unknown) {
    const { token } = await makeStaffToken(getDb(), "admin");
    const req = new Request(`http://localhost${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return handler(req, { params: Promise.resolve({}) });
  }

  it("demand, time travel, what-if, the CSV export and the frequency report", async () => {
    const { cheap, ny } = await book();
    // One-off orders of the weekly subscription's product, a month apart: the report suggests monthly.
    for (const day of ["2026-11-02", "2026-12-02", "2027-01-02"]) {
      const [order] = await getDb()
        .insert(orders)
        .values({
          customerId: ny.customer.id,
          kind: "one_off",
          currency: "USD",
          subtotalMinor: 1000,
          totalMinor: 1000,
          createdAt: new Date(`${day}T15:00:00Z`),
        })
        .returning();
      await getDb()
        .insert(orderLines)
        .values({ orderId: order!.id, productId: cheap.id, sku: cheap.sku, name: cheap.name, quantity: 1, unitPriceMinor: 1000 });
    }

    const demand = await call(demandGET, "/api/v1/admin/forecast?weeks=2&from=2027-03-01");
    expect(demand.status).toBe(200);
    assertMatches(forecastRoutes.demand.response, await demand.json());

    const travel = await call(timeTravelGET, `/api/v1/admin/forecast/time-travel?months=1&from=2027-03-01&customerId=${ny.customer.id}`);
    expect(travel.status).toBe(200);
    const travelBody = (await travel.json()) as { days: unknown[] };
    expect(travelBody.days.length).toBeGreaterThan(0);
    assertMatches(forecastRoutes.timeTravel.response, travelBody);

    const whatIf = await call(whatIfPOST, "/api/v1/admin/forecast/what-if", { weeks: 2, from: "2027-03-01", approvalThresholdMinor: 2500 });
    expect(whatIf.status).toBe(200);
    assertMatches(forecastRoutes.whatIf.response, await whatIf.json());

    const suggestions = await call(suggestionsGET, "/api/v1/admin/forecast/frequency-suggestions");
    expect(suggestions.status).toBe(200);
    const report = (await suggestions.json()) as { rows: Array<{ subscriptionId: string; suggested: string }> };
    expect(report.rows).toEqual([expect.objectContaining({ frequency: "weekly", suggested: "monthly", medianGapDays: 30.5 })]);
    assertMatches(forecastRoutes.frequencySuggestions.response, report);

    const csv = await call(exportGET, "/api/v1/admin/forecast/export?weeks=2&from=2027-03-01");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = await csv.text();
    assertMatches(forecastRoutes.export.response, text);
    expect(text.split("\r\n")[0]).toBe("sku,name,on_hand,available,week_of_2027-03-01,week_of_2027-03-08,total,first_short_week_of");
  });
});
