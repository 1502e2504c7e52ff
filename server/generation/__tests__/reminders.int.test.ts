import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/db/client";
import { notifications, reminders } from "@/db/schema";
import { closeEmailTransports, emailSender } from "@/server/notifications/send-email";
import { startMailSink } from "@/scripts/lib/mail-sink";
import { generateAllDue } from "../generate-due";
import { createDueReminders, runReminders, sendReminderEmails } from "../reminders";
import { addOverride, makeCustomer, makeProduct, makeSubscription, resetGenerationTables } from "@/test/support/generation/factories";

const at = (iso: string) => new Date(iso);
const appUrl = "https://shop.example.test";
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

/** The decoded text part of a received message (nodemailer may quoted-printable encode it). */
function textOf(raw: string): string {
  const unwrapped = raw.replace(/=\r?\n/g, "");
  const latin1 = unwrapped.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(latin1, "latin1").toString("utf8");
}

describe("reminders", () => {
  beforeEach(async () => {
    await resetGenerationTables(getDb());
    sink.messages.length = 0;
  });

  it("sends one email and one in-app notification per cycle, lead days before it, with skip and edit links", async () => {
    const db = getDb();
    const customer = await makeCustomer(db, { email: "casey@example.test", name: "Casey" });
    const product = await makeProduct(db, { name: "Espresso beans" });
    // Next order Feb 28 09:00 New York = 14:00Z; reminder window opens Feb 25 14:00Z with a 3-day lead.
    const sub = await makeSubscription(db, {
      customerId: customer.id,
      productId: product.id,
      quantity: 2,
      nextRunAt: at("2027-02-28T14:00:00Z"),
      nextCycleIndex: 1,
    });

    expect(await runReminders(db, { now: at("2027-02-25T13:59:00Z"), leadDays: 3, send, appUrl })).toEqual({ created: 0, sent: 0, failed: 0 });
    expect(await runReminders(db, { now: at("2027-02-25T14:00:00Z"), leadDays: 3, send, appUrl })).toEqual({ created: 1, sent: 1, failed: 0 });
    // Later runs within the window: nothing more.
    expect(await runReminders(db, { now: at("2027-02-26T10:00:00Z"), leadDays: 3, send, appUrl })).toEqual({ created: 0, sent: 0, failed: 0 });

    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.to).toEqual(["casey@example.test"]);
    expect(mail.subject).toContain("Espresso beans");
    const body = textOf(mail.raw);
    expect(body).toContain("Sunday, February 28, 2027");
    expect(body).toContain(`${appUrl}/subscriptions/${sub.id}`);
    expect(body).toContain("2 × Espresso beans");

    const inbox = await db.select().from(notifications).where(eq(notifications.customerId, customer.id));
    expect(inbox).toMatchObject([{ kind: "reminder", link: `/subscriptions/${sub.id}`, data: { subscriptionId: sub.id, cycleIndex: 1 } }]);
    const [row] = await db.select().from(reminders);
    expect(row).toMatchObject({ subscriptionId: sub.id, cycleIndex: 1, dueAt: at("2027-02-28T14:00:00Z") });
    expect(row!.emailSentAt).not.toBeNull();
    // One-click links, signed for this reminder, one per action.
    for (const action of ["skip", "delay_week", "order_now"]) {
      expect(body).toMatch(new RegExp(`${appUrl}/email-actions/v1\\.${row!.id}\\.${action}\\.\\d+\\.[\\w-]{43}`));
    }
  });

  it("reminds again for the next cycle after generation advanced the subscription", async () => {
    const db = getDb();
    const sub = await makeSubscription(db); // cycle 0 due Jan 31 14:00Z, cycle 1 Feb 28 14:00Z
    await runReminders(db, { now: at("2027-01-29T00:00:00Z"), leadDays: 3, send, appUrl });
    await generateAllDue(db, { now: at("2027-01-31T14:00:00Z"), batchSize: 10 });
    await runReminders(db, { now: at("2027-02-26T00:00:00Z"), leadDays: 3, send, appUrl });
    const rows = await db.select().from(reminders).where(eq(reminders.subscriptionId, sub.id)).orderBy(reminders.cycleIndex);
    expect(rows.map((r) => r.cycleIndex)).toEqual([0, 1]);
    expect(sink.messages).toHaveLength(2);
  });

  it("does not remind about a skipped cycle or an inactive subscription", async () => {
    const db = getDb();
    const skipped = await makeSubscription(db);
    await addOverride(db, { subscriptionId: skipped.id, cycleIndex: 0, kind: "skip" });
    await makeSubscription(db, { status: "paused" });
    expect(await runReminders(db, { now: at("2027-01-30T00:00:00Z"), leadDays: 3, send, appUrl })).toMatchObject({ created: 0, sent: 0 });
    expect(sink.messages).toHaveLength(0);
  });

  it("concurrent runs create each reminder and notification once", async () => {
    const db = getDb();
    for (let i = 0; i < 30; i++) await makeSubscription(db);
    const pools = [createDb(process.env.DATABASE_URL!, 2), createDb(process.env.DATABASE_URL!, 2)];
    try {
      const now = at("2027-01-30T00:00:00Z");
      const created = await Promise.all(pools.map((p) => createDueReminders(p.db, { now, leadDays: 3 })));
      expect(created[0]! + created[1]!).toBe(30);
      const emails = await Promise.all(pools.map((p) => sendReminderEmails(p.db, { now, send, appUrl })));
      expect(emails[0]!.sent + emails[1]!.sent).toBe(30);
    } finally {
      await Promise.all(pools.map((p) => p.sql.end()));
    }
    const [counts] = await db.execute<{ notes: number; reminders: number }>(sql`
      SELECT (SELECT count(*)::int FROM notifications WHERE kind = 'reminder') AS notes, (SELECT count(*)::int FROM reminders) AS reminders`);
    expect(counts).toEqual({ notes: 30, reminders: 30 });
    expect(sink.messages).toHaveLength(30);
    expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(30);
  });

  it("an email that fails to send is retried on the next run, not lost", async () => {
    const db = getDb();
    await makeSubscription(db);
    const now = at("2027-01-30T00:00:00Z");
    const broken = emailSender({ smtpUrl: "smtp://127.0.0.1:1" }); // nothing listens on port 1
    expect(await runReminders(db, { now, leadDays: 3, send: broken, appUrl })).toEqual({ created: 1, sent: 0, failed: 1 });
    expect(sink.messages).toHaveLength(0);
    expect(await runReminders(db, { now, leadDays: 3, send, appUrl })).toEqual({ created: 0, sent: 1, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });
});
