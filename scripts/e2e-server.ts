/**
 * Serves the app for Playwright: a fresh database (embedded, or a new database on the
 * DATABASE_URL server — which must be local), demo seed (the living demo with E2E_DEMO=1), SMTP sink, local Inngest executor,
 * and a production build on E2E_PORT. Writes .data/e2e-env-<port>.json (database, executor, the
 * run's secrets) for the specs' factories.
 */
import { execSync, spawn } from "node:child_process";
import fs from "node:fs";
import { startEmbeddedPostgres } from "../db/embedded";
import { createDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../server/seed/seed-demo";
import { createDatabase, dropDatabase, uniqueName } from "../test/databases";
import { localSecrets } from "./lib/local-secrets";
import { seedDemoDatabase } from "./lib/seed-demo-database";
import { startServices } from "./lib/services";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// One build folder per port, so parallel e2e runs on other ports never share a build.
const DIST = `.next-e2e-${PORT}`;

async function main() {
  const server = process.env.DATABASE_URL
    ? { adminUrl: process.env.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres(".data/pg-e2e", 54331);
  const host = new URL(server.adminUrl).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`e2e refuses a non-local database (${host})`);
  const name = uniqueName("replen_e2e");
  const url = await createDatabase(server.adminUrl, name);
  await migrateDatabase(url);
  if (process.env.E2E_DEMO === "1") {
    // The living demo, as a first `npm run dev` seeds it (e2e/demo.spec.ts runs against it).
    process.env.DATABASE_URL = url;
    await seedDemoDatabase(url, { mailDir: `.data/mail-e2e-${PORT}` });
  } else {
    const client = createDb(url, 1);
    await seedDemo(client.db);
    await client.sql.end();
  }

  const services = await startServices({ appPort: PORT, smtpPort: 0, executorPort: 0, mailDir: `.data/mail-e2e-${PORT}` });
  // A production build refuses public secrets: fresh ones per run, shared with the specs below.
  const secrets = localSecrets();
  const env = {
    NEXT_TELEMETRY_DISABLED: "1",
    ...process.env,
    ...services.env,
    ...secrets,
    DATABASE_URL: url,
    NEXT_DIST_DIR: DIST,
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    APP_URL: `http://localhost:${PORT}`,
  };
  fs.writeFileSync(`.data/e2e-env-${PORT}.json`, JSON.stringify({ databaseUrl: url, executorUrl: services.executor.url, secrets }));
  if (process.env.E2E_SKIP_BUILD !== "1" || !fs.existsSync(`${DIST}/BUILD_ID`)) {
    execSync("npx next build", { stdio: "inherit", env });
  }
  const app = spawn("npx", ["next", "start", "--port", String(PORT)], { stdio: "inherit", env });

  const shutdown = async () => {
    app.kill("SIGTERM");
    await services.stop();
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
