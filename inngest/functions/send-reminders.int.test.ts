import { InngestTestEngine } from "@inngest/test";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { makeCustomer, makeSubscription } from "@/test/support/generation/factories";
import { closeEmailTransports } from "@/server/notifications/send-email";
import { startMailSink } from "@/scripts/lib/mail-sink";

// A real SMTP server; SMTP_URL must be set before env() is first read in this file.
const sink = await startMailSink({ port: 0 });
process.env.SMTP_URL = sink.url;
const { sendReminders } = await import("./send-reminders");

afterAll(async () => {
  closeEmailTransports();
  await sink.stop();
});

describe("send-reminders (cron function)", () => {
  it("records reminders entering the window and mails them, once", async () => {
    const db = getDb();
    const customer = await makeCustomer(db, { email: "robin@example.test" });
    await makeSubscription(db, { customerId: customer.id, nextRunAt: new Date(Date.now() + 2 * 86_400_000) });
    await makeSubscription(db, { nextRunAt: new Date(Date.now() + 10 * 86_400_000) }); // outside the 3-day lead

    const first = await new InngestTestEngine({ function: sendReminders }).execute();
    expect(first.result).toEqual({ created: 1, sent: 1, failed: 0, confirmations: { sent: 0, failed: 0 } });
    const again = await new InngestTestEngine({ function: sendReminders }).execute();
    expect(again.result).toEqual({ created: 0, sent: 0, failed: 0, confirmations: { sent: 0, failed: 0 } });
    expect(sink.messages.map((m) => m.to)).toEqual([["robin@example.test"]]);
  });
});
