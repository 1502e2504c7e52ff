/**
 * CLI: `tsx tools/inngest-local/main.ts --app-url http://localhost:3000/api/inngest --port 8288`
 *
 * Runs the local executor until SIGINT/SIGTERM. Point the app at it with
 * INNGEST_DEV=1 and INNGEST_BASE_URL=http://127.0.0.1:<port>.
 */
import { parseArgs } from "node:util";
import { startLocalExecutor } from "./executor";
import type { LogLevel } from "./types";

const usage = `Usage: tsx tools/inngest-local/main.ts [options]
  --app-url <url>             serve endpoint (env INNGEST_LOCAL_APP_URL, default http://localhost:3000/api/inngest)
  --port <n>                  listen port (env INNGEST_LOCAL_PORT, default 8288; 0 = any)
  --host <addr>               listen address (default 127.0.0.1)
  --backoff-ms <n>            first retry delay, doubling (env INNGEST_LOCAL_BACKOFF_MS, default 1000)
  --resync-interval-ms <n>    re-sync the app periodically (default 0 = off; POST /sync re-syncs on demand)
  --no-cron                   do not run cron triggers
  --strict                    exit 1 if the first sync rejects any function
  --log-level <level>         debug | info | warn | error | silent (env INNGEST_LOCAL_LOG_LEVEL, default info)`;

function number(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} must be a non-negative number, got "${value}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "app-url": { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      "backoff-ms": { type: "string" },
      "resync-interval-ms": { type: "string" },
      "no-cron": { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      "log-level": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const level = values["log-level"] ?? process.env.INNGEST_LOCAL_LOG_LEVEL ?? "info";
  if (!["debug", "info", "warn", "error", "silent"].includes(level)) throw new Error(`unknown --log-level "${level}"`);

  const executor = await startLocalExecutor({
    appUrl: values["app-url"] ?? process.env.INNGEST_LOCAL_APP_URL ?? "http://localhost:3000/api/inngest",
    port: number(values.port ?? process.env.INNGEST_LOCAL_PORT, "--port") ?? 8288,
    host: values.host,
    backoffBaseMs: number(values["backoff-ms"], "--backoff-ms"),
    resyncIntervalMs: number(values["resync-interval-ms"], "--resync-interval-ms"),
    cron: !values["no-cron"],
    log: level as LogLevel | "silent",
  });

  if (values.strict) {
    void executor.whenSynced().then(async (result) => {
      if (result.ok) return;
      console.error(`[inngest-local] --strict: ${result.rejections.length} function(s) rejected; exiting`);
      await executor.stop();
      process.exit(1);
    });
  }

  const shutdown = () => {
    void executor.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((err: unknown) => {
  console.error(`[inngest-local] ${err instanceof Error ? err.message : String(err)}`);
  console.error(usage);
  process.exit(1);
});
