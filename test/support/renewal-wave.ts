import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { startLocalExecutor, type LocalExecutor } from "../../tools/inngest-local/executor";
import { seedDueSubscriptions } from "../../bench/generation/seed";
import { freePort } from "../../scripts/lib/free-port";
import { checkInvariants, pipelineProgress } from "./renewal-invariants";

const root = path.resolve(__dirname, "../..");

export type WaveOptions = {
  databaseUrl: string;
  subscriptions: number;
  /** App settings for the app process (pool size, batch sizes…). */
  appEnv: Record<string, string>;
  now?: Date;
};

/**
 * A renewal day in miniature through the real path: due subscriptions seeded, the app's real
 * route handlers in their own process (test/support/app-server-child.ts), and the local
 * executor driving /api/inngest over HTTP. The app process can be killed (-9) and restarted.
 */
export async function startRenewalWave(o: WaveOptions) {
  const now = o.now ?? new Date();
  const sql = postgres(o.databaseUrl, { max: 2, onnotice: () => {} });
  await seedDueSubscriptions(sql, o.subscriptions, now);
  const port = await freePort();
  const executor: LocalExecutor = await startLocalExecutor({
    appUrl: `http://127.0.0.1:${port}/api/inngest`,
    port: 0,
    backoffBaseMs: 100,
    backoffMaxMs: 2_000,
    cron: false,
    syncRetryMs: 100,
    log: "silent",
  });
  let child: ChildProcess | undefined;
  const startApp = async () => {
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/support/app-server-child.ts", String(port)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: o.databaseUrl,
        INNGEST_DEV: "1",
        INNGEST_BASE_URL: executor.url,
        SMTP_URL: "smtp://127.0.0.1:1",
        DATABASE_GUARD_NESTED_CHECKOUT: "1",
        ...o.appEnv,
      },
    });
    await new Promise<void>((resolve, reject) => {
      child!.stdout!.on("data", (b: Buffer) => b.toString().includes("ready") && resolve());
      child!.once("exit", (code) => reject(new Error(`app process exited (${code}) before it was ready`)));
    });
  };
  await startApp();
  await executor.whenSynced();
  const appUrl = `http://127.0.0.1:${port}`;

  return {
    executor,
    sql,
    appUrl,
    /** The minute's crons: generation, sweepers, reminders… */
    tick: () => executor.tickCron(new Date()),
    progress: () => pipelineProgress(sql),
    invariants: () => checkInvariants(sql, { expectedOrders: o.subscriptions, startedAt: now }),
    killApp: async () => {
      const c = child!;
      c.kill("SIGKILL");
      await new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.once("exit", r)));
    },
    restartApp: startApp,
    /** Ticks the crons every `tickMs` until every due cycle has an order and all are settled. */
    async settle(opts: { timeoutMs: number; tickMs?: number; onProgress?: (p: Awaited<ReturnType<typeof pipelineProgress>>) => void }) {
      const deadline = Date.now() + opts.timeoutMs;
      let lastTick = 0;
      for (;;) {
        // The database may be restarting (that test): not settled yet, look again.
        const p = await pipelineProgress(sql).catch(() => null);
        if (!p) {
          if (Date.now() > deadline) throw new Error("wave did not settle: the database did not come back");
          await new Promise((r) => setTimeout(r, 250));
          continue;
        }
        opts.onProgress?.(p);
        if (p.orders === o.subscriptions && p.settled === o.subscriptions) return p;
        if (Date.now() > deadline) throw new Error(`wave did not settle: ${JSON.stringify(p)}; executor ${JSON.stringify(executor.status().busy)}`);
        if (Date.now() - lastTick > (opts.tickMs ?? 2_000)) {
          executor.tickCron(new Date());
          lastTick = Date.now();
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await executor.stop();
      child?.kill("SIGKILL");
      await sql.end();
    },
  };
}
