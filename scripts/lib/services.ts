import { startLocalExecutor } from "../../tools/inngest-local/executor";
import { saveToMailbox } from "./mailbox";
import { startMailSink } from "./mail-sink";

/**
 * The side services the app talks to in dev and e2e: a local SMTP mailbox (messages are
 * saved to .data/mail) and the local Inngest executor driving the app's /api/inngest.
 */
export async function startServices(opts: { appPort: number; smtpPort?: number; executorPort?: number; mailDir?: string }) {
  const mail = await startMailSink({ port: opts.smtpPort ?? 2525, onMessage: saveToMailbox(opts.mailDir ?? ".data/mail") });
  const executor = await startLocalExecutor({
    appUrl: `http://127.0.0.1:${opts.appPort}/api/inngest`,
    port: opts.executorPort ?? 8288,
    // Next.js hot reload can add functions; re-sync now and then so they are picked up.
    resyncIntervalMs: 30_000,
  });
  return {
    mail,
    executor,
    /** What the Next.js process needs to reach these services. */
    env: {
      SMTP_URL: mail.url,
      INNGEST_DEV: "1",
      INNGEST_BASE_URL: executor.url,
    },
    stop: async () => {
      await executor.stop();
      await mail.stop();
    },
  };
}
