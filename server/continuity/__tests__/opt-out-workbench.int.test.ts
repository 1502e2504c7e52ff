import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import { getDb, type Database } from "@/db/client";
import { programLedger, programShipments, subscriptions, workbenchJobs } from "@/db/schema";
import { activateProgram } from "../activate-program";
import { generateProgramSubscriptions } from "../generate-program-cycles";
import { joinProgram } from "../join-program";
import { setShipmentOptOut } from "../opt-out";
import { saveProgram } from "../save-program";
import { cancelEnrollment, settleCancelledEnrollments } from "../settle-enrollment";
import { previewWorkbench } from "../workbench-preview";
import { runWorkbenchBatch, startWorkbenchJob } from "../workbench-jobs";
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
  series,
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

const DEC = { from: "2026-12-01", to: "2026-12-31" };
const at = (iso: string) => new Date(iso);

async function generateAt(db: Database, id: string, now: Date) {
  return db.transaction((tx) => generateProgramSubscriptions(tx, [id], now));
}

async function runToEnd(db: Database, id: string) {
  for (let i = 0; i < 20; i++) {
    const sub = await subscriptionOf(db, id);
    if (sub.status !== "active" || !sub.nextRunAt) return sub;
    await generateAt(db, id, new Date(sub.nextRunAt.getTime() + 60_000));
  }
  throw new Error("series did not end");
}

describe("opting out of one shipment", () => {
  it("skips exactly that shipment; opting back in is refused after the processing lead", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(db, acceptanceDraft(c), [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }]);
    const customer = await makeCustomer(db);
    const { subscriptionId } = await joinProgram(db, customer, programId, NOW);

    // Shipment 3 = Feb 1 (event 1), generated Jan 22: open now.
    await setShipmentOptOut(db, customer, subscriptionId, 3, "opt_out", NOW);
    expect((await errorOf(setShipmentOptOut(db, customer, subscriptionId, 3, "opt_out", NOW))).code).toBe("CONFLICT");
    // Shipment 1 was generated at join: too late.
    expect((await errorOf(setShipmentOptOut(db, customer, subscriptionId, 1, "opt_out", NOW))).code).toBe("CONFLICT");
    // Another customer can't touch it.
    const other = await makeCustomer(db);
    expect((await errorOf(setShipmentOptOut(db, other, subscriptionId, 4, "opt_out", NOW))).code).toBe("NOT_FOUND");
    // Opt in and out again before the lead: fine.
    await setShipmentOptOut(db, customer, subscriptionId, 3, "opt_in", at("2027-01-10T15:00:00Z"));
    await setShipmentOptOut(db, customer, subscriptionId, 3, "opt_out", at("2027-01-10T15:00:00Z"));

    await generateAt(db, subscriptionId, at("2026-12-22T15:00:00Z"));
    await generateAt(db, subscriptionId, at("2027-01-22T15:00:00Z"));
    expect((await errorOf(setShipmentOptOut(db, customer, subscriptionId, 3, "opt_in", at("2027-01-23T15:00:00Z")))).code).toBe("CONFLICT");

    await runToEnd(db, subscriptionId);
    const items = await childItems(db, subscriptionId);
    // Standing: the opted-out period's event (E1) is gone; nothing else moves.
    expect(items.map((o) => o.productId)).toEqual([c.E4, c.DEC, c.E6, c.E2, c.E3]);
    expect(items.map((o) => o.cycleIndex)).toEqual([0, 1, 2, 4, 5]);
    const shipments = await db.select().from(programShipments).where(eq(programShipments.subscriptionId, subscriptionId));
    expect(shipments.find((s) => s.shipmentIndex === 3)).toMatchObject({ outcome: "opted_out", orderId: null, eventNumber: 1 });
    expect((await auditOf(db, subscriptionId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["program_opted_out", "program_opted_in", "program_shipment_opted_out"]),
    );
  });
});

describe("payment schedules and settlement", () => {
  it("upfront: charged at signup, standing opt-out credited, cancel refunds the unshipped share", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(
      db,
      acceptanceDraft(c, { payment: { schedule: "upfront" } }),
      [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }],
      2000,
    );
    const customer = await makeCustomer(db);
    const { subscriptionId } = await joinProgram(db, customer, programId, NOW);
    expect((await enrollmentOf(db, subscriptionId)).billingPlan).toMatchObject({ schedule: "upfront", shipmentCount: 6, totalMinor: 12000 });

    await setShipmentOptOut(db, customer, subscriptionId, 2, "opt_out", NOW);
    await generateAt(db, subscriptionId, at("2026-12-22T15:00:00Z"));
    await cancelEnrollment(db, customer, subscriptionId, at("2026-12-23T15:00:00Z"));

    const ledger = await db.select().from(programLedger).where(eq(programLedger.subscriptionId, subscriptionId));
    const byKey = Object.fromEntries(ledger.map((l) => [l.key, [l.kind, l.amountMinor]]));
    // Delivered 2 of 6: value 4000; paid 12000; credit 2000 already given → refund 6000.
    expect(byKey).toEqual({ "charge:0": ["charge", 12000], "credit:2": ["credit", 2000], "refund:cancel": ["refund", 6000] });
    expect(await auditOf(db, subscriptionId, "program_settled")).toHaveLength(1);
    // Settling is once: the sweeper finds nothing left.
    expect(await settleCancelledEnrollments(db, NOW)).toBe(0);
  });

  it("installments and a cancel made elsewhere are settled by the sweeper", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const { programId } = await makeActiveProgram(
      db,
      acceptanceDraft(c, { payment: { schedule: "installments", installments: 3 } }),
      [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }],
      1000,
    );
    const customer = await makeCustomer(db);
    const { subscriptionId } = await joinProgram(db, customer, programId, NOW);
    const charges = await db.select().from(programLedger).where(eq(programLedger.subscriptionId, subscriptionId));
    expect(charges.map((l) => [l.key, l.amountMinor]).sort()).toEqual([
      ["charge:0", 2000],
      ["charge:1", 2000],
    ]);
    await db.update(subscriptions).set({ status: "cancelled" }).where(eq(subscriptions.id, subscriptionId));
    expect(await settleCancelledEnrollments(db, NOW)).toBe(1);
    // Paid 4000 for 2 of 6 shipped (value 2000): refund 2000.
    const refund = (await db.select().from(programLedger).where(eq(programLedger.subscriptionId, subscriptionId))).filter(
      (l) => l.key === "refund:cancel",
    );
    expect(refund.map((r) => [r.subscriptionId, r.amountMinor])).toEqual([[subscriptionId, 2000]]);
  });
});

describe("continuity updates workbench", () => {
  it("moves only the selected subscriptions to the new revision, batch by batch, with an audit row each", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const subs = [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }];
    const { programId, staffId } = await makeActiveProgram(db, acceptanceDraft(c), subs);
    const joined = [];
    for (let i = 0; i < 3; i++) joined.push((await joinProgram(db, await makeCustomer(db), programId, NOW)).subscriptionId);

    // Revision 2 replaces event 6 (shipped to these month-4 joiners on Jan 1).
    const draft = acceptanceDraft(c);
    draft.versions[0]!.series = series(c.E1!, c.E2!, c.E3!, c.E4!, c.PH!, c.NEW6!);
    await saveProgram(db, staffId, programId, { name: "Coffee club", description: "", priceMinor: 2000, draft, substitutions: subs }, NOW);
    expect((await activateProgram(db, staffId, programId, NOW)).revision).toBe(2);

    const [selectedA, selectedB, untouched] = joined as [string, string, string];
    const preview = await previewWorkbench(db, programId, [selectedA]);
    expect(preview[0]).toMatchObject({ fromRevision: 1, toRevision: 2, changed: true });
    expect(preview[0]!.before[0]).toMatchObject({ shipmentIndex: 2, eventNumber: 6, itemName: "E6" });
    expect(preview[0]!.after[0]).toMatchObject({ shipmentIndex: 2, eventNumber: 6, itemName: "NEW6" });

    const { jobId, total } = await startWorkbenchJob(db, staffId, programId, { subscriptionIds: [selectedA, selectedB], batchSize: 1 });
    expect(total).toBe(2);
    expect(await runWorkbenchBatch(db, jobId, NOW)).toMatchObject({ done: false, processed: 1, total: 2 });
    expect(await runWorkbenchBatch(db, jobId, NOW)).toMatchObject({ done: true, processed: 2 });
    expect(await runWorkbenchBatch(db, jobId, NOW)).toMatchObject({ done: true, processed: 2 });
    const [job] = await db.select().from(workbenchJobs).where(eq(workbenchJobs.id, jobId));
    expect(job).toMatchObject({ status: "done", applied: 2, unchanged: 0 });

    expect((await enrollmentOf(db, selectedA)).revision).toBe(2);
    expect((await enrollmentOf(db, selectedB)).revision).toBe(2);
    expect((await enrollmentOf(db, untouched)).revision).toBe(1);
    expect(await auditOf(db, selectedA, "program_revision_applied")).toHaveLength(1);
    expect(await auditOf(db, untouched, "program_revision_applied")).toHaveLength(0);

    for (const id of joined) await generateAt(db, id, at("2026-12-22T15:00:00Z"));
    expect((await childItems(db, selectedA)).at(-1)!.productId).toBe(c.NEW6);
    expect((await childItems(db, untouched)).at(-1)!.productId).toBe(c.E6);
  });

  it("refuses subscriptions of another program", async () => {
    const db = getDb();
    const c = await makeCatalog(db);
    const subs = [{ phantomProductId: c.PH!, substituteProductId: c.DEC!, ...DEC }];
    const one = await makeActiveProgram(db, acceptanceDraft(c), subs);
    const two = await makeActiveProgram(db, acceptanceDraft(c), subs);
    const { subscriptionId } = await joinProgram(db, await makeCustomer(db), two.programId, NOW);
    const err = await errorOf(startWorkbenchJob(db, one.staffId, one.programId, { subscriptionIds: [subscriptionId], batchSize: 10 }));
    expect(err.code).toBe("VALIDATION");
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
