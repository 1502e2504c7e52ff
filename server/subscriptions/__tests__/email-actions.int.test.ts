import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as emailActionPOST } from "@/app/api/email-actions/route";
import { getDb, type Database } from "@/db/client";
import { cycleOverrides, emailActionUses, orders, reminders, users } from "@/db/schema";
import { runReminders } from "@/server/generation/reminders";
import { closeEmailTransports, emailSender } from "@/server/notifications/send-email";
import { startMailSink } from "@/scripts/lib/mail-sink";
import { auditOf, makeCustomer, makeProduct, makeSubscription, resetGenerationTables, subscriptionOf } from "@/test/support/generation/factories";
import { errorBody } from "@/server/http/route-contract";
import { assertMatches } from "@/server/http/reply";
import { describeEmailAction } from "../describe-email-action";
import { emailActionRoutes } from "../email-action-routes.schema";
import { performEmailAction } from "../perform-email-action";
import { rescheduleNext } from "../reschedule-next";

/**
 * One-click email links end to end below the HTTP layer: the real reminder run mails the links
 * through a real SMTP sink, the test reads them out of the message and follows them.
 */
const at = (iso: string) => new Date(iso);
const appUrl = "https://shop.example.test";
const reminderAt = at("2027-02-25T14:00:00Z"); // 3 days before the Feb 28 09:00 New York delivery
const later = at("2027-02-26T10:00:00Z");
let sink: Awaited<ReturnType<typeof startMailSink>>;
let send: ReturnType<typeof emailSender>;

beforeAll(async () => {
  sink = await startMailSink({ port: 0 });
  send = emailSender({ smtpUrl: sink.url, from: "Replen <no-reply@replen.test>" });
});
afterAll(async () => {
  closeEmailTransports();
  await sink.stop();
});
beforeEach(async () => {
  await resetGenerationTables(getDb());
  await getDb().execute(sql`TRUNCATE users CASCADE`);
  sink.messages.length = 0;
});

/** A customer with a login and a subscription whose next delivery (cycle 1) is Feb 28, reminded. */
async function remindedSubscription(db: Database, o: { frequency?: "monthly" | "weekly" } = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `u-${randomUUID()}@example.test`, role: "customer" })
    .returning();
  const customer = await makeCustomer(db, { userId: user!.id, email: user!.email });
  const product = await makeProduct(db, { name: "Espresso beans" });
  const weekly = o.frequency === "weekly";
  const sub = await makeSubscription(db, {
    customerId: customer.id,
    productId: product.id,
    quantity: 2,
    frequency: o.frequency ?? "monthly",
    anchorDate: weekly ? "2027-02-21" : "2027-01-31",
    nextCycleIndex: 1,
    nextRunAt: at("2027-02-28T14:00:00Z"),
  });
  sink.messages.length = 0;
  await runReminders(db, { now: reminderAt, leadDays: 3, send, appUrl });
  expect(sink.messages).toHaveLength(1);
  return { sub, links: linksIn(sink.messages[0]!.raw) };
}

function linksIn(raw: string): Record<"skip" | "delay_week" | "order_now", string> {
  const text = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
  const token = (action: string) => {
    const m = text.match(new RegExp(`/email-actions/(v1\\.[0-9a-f-]{36}\\.${action}\\.\\d+\\.[\\w-]{43})`));
    if (!m) throw new Error(`no ${action} link in the email`);
    return m[1]!;
  };
  return { skip: token("skip"), delay_week: token("delay_week"), order_now: token("order_now") };
}

const overridesOf = (db: Database, id: string) => db.select().from(cycleOverrides).where(eq(cycleOverrides.subscriptionId, id));

describe("one-click email actions", () => {
  it("opening a link changes nothing; confirming skips exactly that delivery, once", async () => {
    const db = getDb();
    const { sub, links } = await remindedSubscription(db);

    expect(await describeEmailAction(db, links.skip, later)).toMatchObject({
      kind: "ready",
      action: "skip",
      productName: "Espresso beans",
      quantity: 2,
    });
    expect(await overridesOf(db, sub.id)).toHaveLength(0);

    expect(await performEmailAction(db, links.skip, later)).toMatchObject({
      kind: "done",
      action: "skip",
      outcome: "Skipped. Your next delivery is on Wednesday, March 31, 2027.",
    });
    expect(await overridesOf(db, sub.id)).toMatchObject([{ cycleIndex: 1, kind: "skip" }]);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 2, nextRunAt: at("2027-03-31T13:00:00Z") });
    expect((await auditOf(db, sub.id)).filter((a) => a.action === "skipped")).toHaveLength(1);

    // The same link again, and another link of the same email: single use, nothing more skipped.
    for (const token of [links.skip, links.delay_week, links.order_now]) {
      expect(await performEmailAction(db, token, later)).toMatchObject({ kind: "used", action: "skip" });
    }
    expect(await describeEmailAction(db, links.order_now, later)).toMatchObject({ kind: "used", action: "skip" });
    expect(await overridesOf(db, sub.id)).toHaveLength(1);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 2 });
    expect(await db.select().from(orders)).toHaveLength(0);
  });

  it("refuses tampered and expired links and changes nothing", async () => {
    const db = getDb();
    const { sub, links } = await remindedSubscription(db);
    const tampered = links.skip.replace(".skip.", ".order_now.");
    expect(await performEmailAction(db, tampered, later)).toEqual({ kind: "invalid" });
    expect(await describeEmailAction(db, "v1.nonsense", later)).toEqual({ kind: "invalid" });
    expect(await performEmailAction(db, links.order_now, at("2027-02-28T14:00:00Z"))).toEqual({ kind: "expired" });
    expect(await db.select().from(emailActionUses)).toHaveLength(0);
    expect(await db.select().from(orders)).toHaveLength(0);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });
  });

  it("delays the announced delivery by one week, and a retry lands on the same day", async () => {
    const db = getDb();
    const { sub, links } = await remindedSubscription(db);
    expect(await describeEmailAction(db, links.delay_week, later)).toMatchObject({ kind: "ready", delayedTo: "2027-03-07" });
    expect(await performEmailAction(db, links.delay_week, later)).toMatchObject({ kind: "done", outcome: "Moved to Sunday, March 7, 2027." });
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 1, nextRunAt: at("2027-03-07T14:00:00Z") });
    expect(await overridesOf(db, sub.id)).toMatchObject([{ cycleIndex: 1, kind: "reschedule", localDate: "2027-03-07" }]);
    expect(await performEmailAction(db, links.delay_week, later)).toMatchObject({ kind: "used" });
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextRunAt: at("2027-03-07T14:00:00Z") });
  });

  it("a refused action releases the email's claim, so another of its links still works", async () => {
    const db = getDb();
    // Weekly: a week's delay would land on the following delivery, which reschedule refuses.
    const { sub, links } = await remindedSubscription(db, { frequency: "weekly" });
    const refused = await performEmailAction(db, links.delay_week, later);
    expect(refused).toMatchObject({ kind: "refused", message: expect.stringContaining("before the following delivery") });
    expect(await db.select().from(emailActionUses)).toHaveLength(0);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });
    expect(await performEmailAction(db, links.skip, later)).toMatchObject({ kind: "done", action: "skip" });
  });

  it("order now places one order, and a claim left by a crashed process is taken over without a second order", async () => {
    const db = getDb();
    const { sub, links } = await remindedSubscription(db);
    expect(await performEmailAction(db, links.order_now, later)).toMatchObject({ kind: "done", action: "order_now" });
    const placed = await db.select().from(orders).where(eq(orders.subscriptionId, sub.id));
    expect(placed).toMatchObject([{ kind: "order_now" }]);

    // As if the process had died after the order and before recording: the claim is open again.
    const [reminder] = await db.select().from(reminders).where(eq(reminders.subscriptionId, sub.id));
    await db
      .update(emailActionUses)
      .set({ completedAt: null, outcome: null, claimedAt: at("2027-02-26T09:00:00Z") })
      .where(eq(emailActionUses.reminderId, reminder!.id));
    // A fresh claim (under 2 minutes old) is someone else's work in progress: left alone.
    expect(await performEmailAction(db, links.order_now, at("2027-02-26T09:01:00Z"))).toMatchObject({ kind: "used" });
    // Once stale, the same link completes it; order-now's idempotency key returns the first order.
    expect(await performEmailAction(db, links.order_now, later)).toMatchObject({ kind: "done", action: "order_now" });
    expect(await db.select().from(orders).where(eq(orders.subscriptionId, sub.id))).toHaveLength(1);
    expect(await subscriptionOf(db, sub.id)).toMatchObject({ nextCycleIndex: 1, nextRunAt: at("2027-02-28T14:00:00Z") });
  });

  it("a delivery changed in the portal after the email makes its links inapplicable", async () => {
    const db = getDb();
    const { sub, links } = await remindedSubscription(db);
    const [customer] = await db.execute<{ user_id: string; id: string }>(sql`
      SELECT c.user_id, c.id FROM customers c JOIN subscriptions s ON s.customer_id = c.id WHERE s.id = ${sub.id}`);
    await rescheduleNext(db, { userId: customer!.user_id, customerId: customer!.id }, sub.id, { localDate: "2027-03-02" }, later);
    expect(await describeEmailAction(db, links.skip, later)).toEqual({ kind: "changed", subscriptionId: sub.id });
    expect(await performEmailAction(db, links.skip, later)).toEqual({ kind: "changed", subscriptionId: sub.id });
    expect(await overridesOf(db, sub.id)).toMatchObject([{ kind: "reschedule", localDate: "2027-03-02" }]);
  });
});

describe("POST /api/email-actions (the confirmation page's form)", () => {
  const post = (fields: Record<string, string>) =>
    emailActionPOST(new Request("http://localhost/api/email-actions", { method: "POST", body: new URLSearchParams(fields) }));

  it("answers a form without a token 422 with the usual error body", async () => {
    for (const fields of [{}, { token: "" }, { token: "x".repeat(201) }] as Array<Record<string, string>>) {
      const res = await post(fields);
      expect(res.status).toBe(422);
      const body = await res.json();
      assertMatches(errorBody, body);
      expect(body).toMatchObject({ error: { code: "VALIDATION", fields: { token: expect.any(String) } } });
    }
  });

  it("redirects (303, no body) back to the link's page, which says why a bad link did nothing", async () => {
    const token = "v1.00000000-0000-4000-8000-000000000000.skip.1.tampered";
    const res = await post({ token });
    expect(res.status).toBe(emailActionRoutes.perform.status);
    const location = new URL(res.headers.get("location")!);
    expect(location.pathname).toBe(`/email-actions/${token}`);
    expect(location.search).toBe("");
  });
});
