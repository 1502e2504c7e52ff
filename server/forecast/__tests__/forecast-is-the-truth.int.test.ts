import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { customers } from "@/db/schema";
import { joinProgram } from "@/server/continuity/join-program";
import { generateAllDue } from "@/server/generation/generate-due";
import { FREQUENCIES, zonedInstant, type Frequency, type LocalDate } from "@/server/schedule";
import { pauseSubscription } from "@/server/subscriptions/pause-subscription";
import { resumeDuePaused } from "@/server/subscriptions/resume-due-paused";
import { skipNext } from "@/server/subscriptions/skip-cycle";
import { addAddon } from "@/server/subscriptions/add-addon";
import { putProductSwaps } from "@/server/subscriptions/put-product-swaps";
import { swapProduct } from "@/server/subscriptions/swap-product";
import { acceptanceDraft, makeActiveProgram, makeCatalog, makeCustomer as makeProgramCustomer } from "@/test/support/continuity/factories";
import { addOverride, makeProduct, makeSubscription } from "@/test/support/generation/factories";
import { makeCustomer } from "@/test/support/subscriptions/factories";
import { assertMatches } from "@/server/http/reply";
import { forecastRoutes } from "../forecast-routes.schema";
import { getTimeTravel } from "../get-time-travel";
import { getDemandForecast } from "../get-demand-forecast";

/**
 * Part 5 of #16: the forecast made on day 0 is what generation then creates, line for line.
 * A mixed book — every frequency, four zones (New York and Berlin cross their DST change inside
 * the 60 days, Sydney leaves DST), a skip, a reschedule, a pause with a resume date, an
 * indefinite pause, end conditions, and a standing program with an early and a late joiner and
 * a phantom substituted — is forecast once, then generation (and the resume sweep) runs every
 * 6 hours of simulated time for 60 days. The orders it created must equal the forecast.
 */
const DAY0 = new Date("2027-02-20T12:00:00Z");
const STEP_MS = 6 * 3600_000;
const STEPS = (60 * 24 * 3600_000) / STEP_MS;
const LAST_RUN = new Date(DAY0.getTime() + STEPS * STEP_MS);
const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney"];
const TIMES = ["06:30", "09:00", "23:30"];

type Line = { subscriptionId: string; cycleIndex: number; productId: string; quantity: number; unitPriceMinor: number; scheduledFor: string };
const key = (l: Line) => `${l.subscriptionId}#${l.cycleIndex}#${l.productId}`;

async function runGeneration(now: Date) {
  await resumeDuePaused(getDb(), now);
  await generateAllDue(getDb(), { now, batchSize: 100 });
}

describe("the day-0 forecast equals what 60 days of generation create", () => {
  const ids = {
    skip: "",
    paused: "",
    pausedForever: "",
    early: "",
    late: "",
    substitute: "",
    swapped: "",
    addon: "",
    discounted: "",
    products: [] as string[],
  };
  /** The forecast's total per (subscription, cycle) order, as time travel prices it. */
  let forecastTotals = new Map<string, number>();
  let forecastLines: Line[] = [];
  let demandUnits = new Map<string, number>();
  let listedUnits = new Map<string, number>();
  let answers: { travel: unknown; demand: unknown } | undefined;

  beforeAll(async () => {
    const db = getDb();
    const products = [await makeProduct(db, { priceMinor: 1299 }), await makeProduct(db, { priceMinor: 450 })];
    ids.products = products.map((p) => p.id);
    const staff = await makeCustomer(db, { role: "merchandiser" });
    for (const [from, to] of [
      [0, 1],
      [1, 0],
    ] as const)
      await putProductSwaps(db, staff.user.id, products[from]!.id, { toProductIds: [products[to]!.id] }, DAY0);
    let n = 0;
    // Every frequency × zone, anchors spread over the weeks around day 0.
    for (const frequency of FREQUENCIES as readonly Frequency[]) {
      for (const timeZone of ZONES) {
        const customer = await makeCustomer(db, { timeZone });
        const anchorDate = `2027-02-${String(21 + (n % 7)).padStart(2, "0")}` as LocalDate;
        const localTime = TIMES[n % TIMES.length]!;
        const end =
          n % 5 === 1
            ? { endKind: "after_cycles" as const, endCycles: 3 }
            : n % 5 === 2
              ? { endKind: "on_date" as const, endDate: "2027-03-20" }
              : {};
        const s = await makeSubscription(db, {
          customerId: customer.customer.id,
          productId: products[n % 2]!.id,
          quantity: 1 + (n % 3),
          frequency,
          anchorDate,
          localTime,
          timeZone,
          nextRunAt: zonedInstant(anchorDate, localTime, timeZone),
          ...end,
          // An accepted save offer (#13 cancel flow): 15 % off the next two generated orders.
          ...(frequency === "daily" && timeZone === "Europe/Berlin" ? { discountPercent: 15, discountOrdersLeft: 2 } : {}),
        });
        if (frequency === "daily" && timeZone === "Europe/Berlin") ids.discounted = s.id;
        if (frequency === "weekly" && timeZone === "America/New_York") {
          ids.skip = s.id;
          await skipNext(db, customer.actor, s.id, DAY0);
          // …and cycle 3 moved across the DST change (Sunday 14 March) to the Monday.
          await addOverride(db, { subscriptionId: s.id, cycleIndex: 3, kind: "reschedule", localDate: "2027-03-15" });
        }
        // Swaps and add-ons (issue #13): one delivery swapped + a later one swapped by index,
        // and a one-time add-on on the next delivery of another subscription.
        if (frequency === "weekly" && timeZone === "Europe/Berlin") {
          ids.swapped = s.id;
          const other = products[(n + 1) % 2]!.id;
          await swapProduct(db, customer.actor, s.id, { productId: other, scope: "once" }, DAY0);
          await swapProduct(db, customer.actor, s.id, { productId: other, scope: "once", cycleIndex: 3 }, DAY0);
        }
        if (frequency === "monthly" && timeZone === "Asia/Tokyo") {
          ids.addon = s.id;
          await addAddon(db, customer.actor, s.id, { productId: products[(n + 1) % 2]!.id, quantity: 4 }, DAY0);
        }
        if (frequency === "daily" && timeZone === "Australia/Sydney") {
          ids.paused = s.id;
          await pauseSubscription(db, customer.actor, s.id, { until: "2027-03-10" }, DAY0);
        }
        if (frequency === "biweekly" && timeZone === "Asia/Tokyo") {
          ids.pausedForever = s.id;
          await pauseSubscription(db, customer.actor, s.id, {}, DAY0);
        }
        n++;
      }
    }

    // A standing monthly series from December: event 5 (April) is a phantom substituted in April.
    const catalog = await makeCatalog(db);
    ids.substitute = catalog.NEW6!;
    const { programId } = await makeActiveProgram(db, acceptanceDraft(catalog, { seriesStartDate: "2026-12-01" }), [
      { phantomProductId: catalog.PH!, substituteProductId: catalog.NEW6!, from: "2027-04-01", to: "2027-04-30" },
    ]);
    const early = await makeProgramCustomer(db);
    ids.early = (await joinProgram(db, early, programId, new Date("2026-12-02T15:00:00Z"))).subscriptionId;
    // Bring the early joiner's cursor up to day 0 the way production would have.
    for (let t = new Date("2026-12-03T00:00:00Z").getTime(); t < DAY0.getTime(); t += 24 * 3600_000) await runGeneration(new Date(t));
    const late = await makeProgramCustomer(db);
    await db.update(customers).set({ timeZone: "Australia/Sydney" }).where(eq(customers.id, late.customerId));
    // Joining generates what is already due at once (orders created before day 0's forecast).
    ids.late = (await joinProgram(db, late, programId, new Date(DAY0.getTime() - 60_000))).subscriptionId;

    // Day 0: the forecast, then nothing but generation for 60 days.
    const travel = await getTimeTravel(db, { months: 3, from: "2027-02-19", segment: {} }, DAY0);
    forecastLines = travel.days
      .flatMap((d) => d.entries)
      .filter((e) => e.outcome === "order" && e.generatedAt <= LAST_RUN.toISOString())
      .flatMap((e) => e.lines.map((l) => ({ subscriptionId: e.subscriptionId, cycleIndex: e.cycleIndex, scheduledFor: e.scheduledFor, ...l })))
      .map(({ subscriptionId, cycleIndex, productId, quantity, unitPriceMinor, scheduledFor }) => ({
        subscriptionId,
        cycleIndex,
        productId,
        quantity,
        unitPriceMinor,
        scheduledFor,
      }));
    forecastTotals = new Map(
      travel.days
        .flatMap((d) => d.entries)
        .filter((e) => e.outcome === "order" && e.generatedAt <= LAST_RUN.toISOString())
        .map((e) => [`${e.subscriptionId}#${e.cycleIndex}`, e.amountMinor]),
    );
    // The aggregate view (memoized walks, typed arrays) over the same window, from the same facts.
    const demand = await getDemandForecast(db, { weeks: 12, from: "2027-02-19" }, DAY0);
    demandUnits = new Map(demand.skus.map((s) => [s.productId, s.weekly.reduce((a, b) => a + b, 0)]));
    answers = { travel, demand };
    listedUnits = new Map();
    for (const e of travel.days.filter((d) => d.date < "2027-05-14").flatMap((d) => d.entries))
      for (const l of e.outcome === "order" ? e.lines : []) listedUnits.set(l.productId, (listedUnits.get(l.productId) ?? 0) + l.quantity);
    for (let step = 0; step <= STEPS; step++) await runGeneration(new Date(DAY0.getTime() + step * STEP_MS));
  }, 600_000);

  it("answers in the shapes the forecast routes declare, program occasions and skips included", () => {
    expect(() => assertMatches(forecastRoutes.timeTravel.response, answers!.travel)).not.toThrow();
    expect(() => assertMatches(forecastRoutes.demand.response, answers!.demand)).not.toThrow();
  });

  it("creates exactly the forecast orders, line for line", async () => {
    const created = await getDb().execute<Line & Record<string, unknown>>(sql`
      SELECT o.subscription_id AS "subscriptionId", o.cycle_index AS "cycleIndex", l.product_id AS "productId", l.quantity,
             l.unit_price_minor::int AS "unitPriceMinor", to_char(o.scheduled_for AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "scheduledFor"
      FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.created_at >= ${DAY0.toISOString()}::timestamptz AND o.subscription_id IS NOT NULL`);
    const actual = [...created].map((r) => ({ ...r })).sort((a, b) => key(a).localeCompare(key(b)));
    const expected = [...forecastLines].sort((a, b) => key(a).localeCompare(key(b)));
    expect(expected.length).toBeGreaterThan(100);
    expect(actual).toEqual(expected);
  });

  it("covers what the book holds: skip, reschedule across DST, pauses, both joiners, the substitution", () => {
    const of = (id: string) => forecastLines.filter((l) => l.subscriptionId === id);
    // Weekly from 21 Feb: cycle 0 skipped, cycle 3 moved to Monday 15 March (EDT: 09:00 → 13:00Z).
    expect(of(ids.skip).map((l) => l.cycleIndex)).not.toContain(0);
    expect(
      of(ids.skip)
        .find((l) => l.cycleIndex === 3)
        ?.scheduledFor.slice(0, 10),
    ).toBe("2027-03-15");
    // Daily in Sydney, paused until 10 March (00:00 AEDT = 9 March 13:00Z): nothing before it, every day from it.
    const paused = of(ids.paused).map((l) => l.scheduledFor);
    expect(paused.length).toBeGreaterThan(30);
    expect(paused.every((at) => at >= "2027-03-09T13:00:00.000Z")).toBe(true);
    expect(of(ids.pausedForever)).toEqual([]);
    expect(of(ids.early).length).toBeGreaterThanOrEqual(1);
    expect(of(ids.late).length).toBeGreaterThanOrEqual(1);
    // Event 5 is the phantom: April's delivery ships its substitute (generated 22 March, lead 10 days).
    expect(of(ids.early).some((l) => l.productId === ids.substitute)).toBe(true);
  });

  it("prices every order as generation does, save-offer discounts on exactly the next two orders included", async () => {
    const created = await getDb().execute<{ k: string; total: number; discount: number; sid: string }>(sql`
      SELECT o.subscription_id || '#' || o.cycle_index AS k, o.total_minor::int AS total, o.discount_minor::int AS discount, o.subscription_id::text AS sid
      FROM orders o WHERE o.created_at >= ${DAY0.toISOString()}::timestamptz AND o.subscription_id IS NOT NULL`);
    expect(new Map([...created].map((r) => [r.k, r.total]))).toEqual(forecastTotals);
    const discounted = [...created].filter((r) => r.sid === ids.discounted && r.discount > 0);
    expect(discounted).toHaveLength(2);
  });

  it("covers swaps and add-ons: the swapped deliveries only, the add-on once", () => {
    const of = (id: string) => forecastLines.filter((l) => l.subscriptionId === id);
    const swapped = of(ids.swapped);
    const base = swapped.find((l) => l.cycleIndex === 2)!.productId;
    const swappedCycles = swapped.filter((l) => l.productId !== base).map((l) => l.cycleIndex);
    const first = Math.min(...swapped.map((l) => l.cycleIndex));
    expect(swappedCycles).toEqual([first, 3].filter((c, i, a) => a.indexOf(c) === i));
    const addon = of(ids.addon);
    const cycles = new Map<number, number>();
    for (const l of addon) cycles.set(l.cycleIndex, (cycles.get(l.cycleIndex) ?? 0) + 1);
    expect([...cycles.values()].filter((n) => n === 2)).toHaveLength(1);
    expect(addon.filter((l) => l.quantity === 4)).toHaveLength(1);
  });

  it("the day-0 demand per SKU is the sum of the listed orders' units", () => {
    expect(demandUnits.size).toBeGreaterThan(2);
    expect(demandUnits).toEqual(listedUnits);
  });
});
