import { createDb } from "../../db/client";
import { closeEmailTransports, emailSender } from "../../server/notifications/send-email";
import { seedLivingDemo, type LivingDemoResult } from "../../server/seed/seed-living-demo";
import { saveToMailbox } from "./mailbox";
import { startMailSink } from "./mail-sink";

/**
 * Seeds the living demo into `url` unless it is there: the history's emails go over real SMTP
 * to a mail sink of the seed's own, into the dev mailbox folder. Prints progress.
 */
export async function seedDemoDatabase(url: string, opts: { mailDir: string; now?: Date }): Promise<LivingDemoResult> {
  const client = createDb(url, 6);
  const mail = await startMailSink({ port: 0, onMessage: saveToMailbox(opts.mailDir, { quiet: true }) });
  try {
    const result = await seedLivingDemo(client.db, {
      now: opts.now ?? new Date(),
      sendEmail: emailSender({ smtpUrl: mail.url }),
      log: (line) => console.log(`[seed] ${line}`),
    });
    if (result.seeded) {
      console.log(
        `[seed] demo seeded in ${result.seconds.toFixed(1)} s: ${result.subscriptions} subscriptions, ${result.orders} orders, ${mail.messages.length} emails`,
      );
    }
    return result;
  } finally {
    closeEmailTransports();
    await mail.stop();
    await client.sql.end();
  }
}
