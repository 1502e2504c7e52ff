import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import { getDb, type Database } from "@/db/client";
import { programFlags, programShipments } from "@/db/schema";
import { flagMissingSubstitutions } from "../flag-missing-substitutions";
import { generateProgramSubscriptions } from "../generate-program-cycles";
import { joinProgram } from "../join-program";
import { saveProgram } from "../save-program";
import { generateDueBatch } from "@/server/generation/generate-due";
import { getEnrollmentTimeline } from "../enrollment-timeline";
import {
  NOW,
  acceptanceDraft,
  auditOf,
  childItems,
  enrollmentOf,
  errorOf,
  makeActiveProgram,
  makeCatalog,
  makeCustomer,
  startEventSink,
  subscriptionOf,
} from "@/test/support/continuity/factories";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

/** Runs generation at each next run (+1 min) until the subscription has no next run. */
async function runToEnd(db: Database, subscriptionId: string, maxRuns = 20) {
  for (let i = 0; i < maxRuns; i++) {
    const sub = await subscriptionOf(db, subscriptionId);
    if (sub.status !== "active" || !sub.nextRunAt) return sub;
    const at = new Date(sub.nextRunAt.getTime() + 60_000);
    await db.transaction((tx) => generateProgramSubscriptions(tx, [subscriptionId], at));
  }
  throw new Error("series did not end");
}

const DEC = { from: "2026-12-01", to: "2026-12-31" };

describe("joining a standing program and generating its child orders", () => {
  it("month-4 joiner: version by rule, items 4–6 then 1–3, phantom substituted, then completed", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(db, acceptanceDraft(c), [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }]);
    const customer = await makeCustomer(db);

    const { subscriptionId, orderIds } = await joinProgram(db, customer, programId, NOW);

    const enrollment = await enrollmentOf(db, subscriptionId);
    expect(enrollment).toMatchObject({ programId, revision: 1, versionId: "A", joinedOn: "2026-11-24" });
    expect(enrollment.state).toMatchObject({ startSlot: 3, shipmentsProcessed: 2, childOrdersCreated: 2 });
    // Lead 10 days: Nov 24 (join date) and Dec 1 (generated Nov 21) are both due at once.
    expect(orderIds).toHaveLength(2);
    const first = await childItems(db, subscriptionId);
    expect(first.map((o) => o.productId)).toEqual([c.E4, c.DEC]);
    expect(first[1]!.meta).toMatchObject({ eventNumber: 5, seriesProductId: c.PH, substituted: true, deliveryDate: "2026-12-01" });
    const sub = await subscriptionOf(db, subscriptionId);
    expect(sub).toMatchObject({ status: "active", nextCycleIndex: 2, productId: expect.any(String) });
    // Next: Jan 1 delivery, generated 10 days before at 09:00 New York (14:00Z).
    expect(sub.nextRunAt?.toISOString()).toBe("2026-12-22T14:00:00.000Z");
    expect(sink.events.filter((e) => e.name === "order/created")).toHaveLength(2);

    const ended = await runToEnd(db, subscriptionId);
    const all = await childItems(db, subscriptionId);
    expect(all.map((o) => o.productId)).toEqual([c.E4, c.DEC, c.E6, c.E1, c.E2, c.E3]);
    expect(all.map((o) => o.scheduledFor?.toISOString().slice(0, 10))).toEqual([
      "2026-11-24",
      "2026-12-01",
      "2027-01-01",
      "2027-02-01",
      "2027-03-01",
      "2027-04-01",
    ]);
    expect(ended).toMatchObject({ status: "completed", nextRunAt: null, nextCycleIndex: 6 });
    expect(await auditOf(db, subscriptionId, "completed")).toHaveLength(1);
  });

  it("month-1 joiner gets events 1–6; a gold customer gets version B", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(db, acceptanceDraft(c, { seriesStartDate: "2026-11-01" }), [
      { phantomProductId: c.PH!, substituteProductId: c.MAR!, from: "2027-03-01", to: "2027-03-31" },
    ]);
    const standard = await makeCustomer(db);
    const gold = await makeCustomer(db, { tier: "gold" });

    const a = await joinProgram(db, standard, programId, NOW);
    const b = await joinProgram(db, gold, programId, NOW);
    expect((await enrollmentOf(db, b.subscriptionId)).versionId).toBe("B");
    // Joining twice is refused while the first enrollment is live.
    expect((await errorOf(joinProgram(db, gold, programId, NOW))).code).toBe("CONFLICT");
    await runToEnd(db, a.subscriptionId);
    await runToEnd(db, b.subscriptionId);
    expect((await childItems(db, a.subscriptionId)).map((o) => o.productId)).toEqual([c.E1, c.E2, c.E3, c.E4, c.MAR, c.E6]);
    expect((await childItems(db, b.subscriptionId)).map((o) => o.productId)).toEqual([c.B1, c.B2, c.B3, c.B4, c.B5, c.B6]);
  });

  it("max child orders ends a perpetual program", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const draft = acceptanceDraft(c, {
      type: "perpetual",
      startRule: "first_event",
      seriesStartDate: null,
      period: "monthly",
      maxChildOrders: 8,
      leadDays: 3,
      versions: [
        {
          id: "A",
          series: [
            { eventNumber: 1, productId: c.E1!, repeat: 2 },
            { eventNumber: 2, productId: c.E2!, repeat: 1 },
          ],
        },
      ],
      assignmentRules: [],
    });
    const { programId } = await makeActiveProgram(db, draft);
    const { subscriptionId } = await joinProgram(db, await makeCustomer(db), programId, NOW);
    const ended = await runToEnd(db, subscriptionId);
    expect((await childItems(db, subscriptionId)).map((o) => o.productId)).toEqual([c.E1, c.E1, c.E2, c.E1, c.E1, c.E2, c.E1, c.E1]);
    expect(ended.status).toBe("completed");
  });
});

describe("through the generation cron", () => {
  it("generateDueBatch claims due program subscriptions and creates their child orders", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(db, acceptanceDraft(c), [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }]);
    const { subscriptionId } = await joinProgram(db, await makeCustomer(db), programId, NOW);
    const at = new Date("2026-12-22T14:01:00Z");
    const batch = await generateDueBatch(db, { now: at, batchSize: 100, policy: { maxFailures: 3, retryMinutes: 60 } });
    expect(batch.orders.filter((o) => o.subscriptionId === subscriptionId).map((o) => o.cycleIndex)).toEqual([2]);
    expect(batch.failed).toBe(0);
    expect((await childItems(db, subscriptionId)).map((o) => o.productId)).toEqual([c.E4, c.DEC, c.E6]);
    expect((await subscriptionOf(db, subscriptionId)).nextRunAt?.toISOString()).toBe("2027-01-22T14:00:00.000Z");
  });
});

describe("missing substitutions", () => {
  it("are flagged before their lead, block generation of that shipment only, and clear once fixed", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId, staffId } = await makeActiveProgram(db, acceptanceDraft(c));
    // Activation already scanned: the December phantom (flag date Nov 21) has no substitute.
    const flags = await db.select().from(programFlags).where(eq(programFlags.programId, programId));
    expect(flags).toContainEqual(expect.objectContaining({ phantomProductId: c.PH, shipDate: "2026-12-01", flagDate: "2026-11-21", status: "open" }));
    // A second scan records nothing twice.
    expect((await flagMissingSubstitutions(db, NOW)).opened).toBe(0);

    const { subscriptionId } = await joinProgram(db, await makeCustomer(db), programId, NOW);
    expect((await childItems(db, subscriptionId)).map((o) => o.productId)).toEqual([c.E4]);
    const sub = await subscriptionOf(db, subscriptionId);
    expect(sub.nextCycleIndex).toBe(1);
    expect(sub.nextRunAt!.getTime()).toBe(NOW.getTime() + 3_600_000);
    expect(await auditOf(db, subscriptionId, "program_generation_blocked")).toHaveLength(1);
    const timeline = await getEnrollmentTimeline(db, subscriptionId, null, NOW);
    expect(timeline.entries.find((e) => e.shipmentIndex === 1)?.status).toBe("missing_substitute");

    await saveProgram(
      db,
      staffId,
      programId,
      {
        name: "Coffee club",
        description: "",
        priceMinor: 2000,
        draft: acceptanceDraft(c),
        substitutions: [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }],
      },
      NOW,
    );
    const after = await db.select().from(programFlags).where(eq(programFlags.programId, programId));
    expect(after.find((f) => f.shipDate === "2026-12-01")?.status).toBe("resolved");
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    await db.transaction((tx) => generateProgramSubscriptions(tx, [subscriptionId], later));
    expect((await childItems(db, subscriptionId)).map((o) => o.productId)).toEqual([c.E4, c.DEC]);
    const shipped = await db.select().from(programShipments).where(eq(programShipments.subscriptionId, subscriptionId));
    expect(shipped.map((s) => [s.shipmentIndex, s.outcome, s.substituted])).toEqual([
      [0, "shipped", false],
      [1, "shipped", true],
    ]);
  });

  it("rejects overlapping substitution ranges for the same phantom", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId, staffId } = await makeActiveProgram(db, acceptanceDraft(c));
    const err = await errorOf(
      saveProgram(
        db,
        staffId,
        programId,
        {
          name: "Coffee club",
          description: "",
          priceMinor: 2000,
          draft: acceptanceDraft(c),
          substitutions: [
            { phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC },
            { phantomProductId: c.PH!, substituteProductId: c.JAN!, from: "2026-12-20", to: "2027-01-31" },
          ],
        },
        NOW,
      ),
    );
    expect(err.code).toBe("VALIDATION");
    expect(err.fields?.["substitutions.1.from"]).toMatch(/Overlaps/);
  });
});

describe("audit vocabulary", () => {
  // Runs last in this file, over every audit row the tests above wrote.
  it("writes only subscription audit actions listed in SUBSCRIPTION_AUDIT_ACTIONS", async () => {
    const { seen, unlisted } = await auditVocabularyOf(getDb());
    expect(seen.length).toBeGreaterThan(3);
    expect(unlisted).toEqual([]);
  });
});
