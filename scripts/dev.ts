/**
 * `npm run dev`: database (embedded unless DATABASE_URL), migrations, the living demo (seeded
 * on the first start only: 90 days of history, server/seed/seed-living-demo.ts), a local SMTP
 * mailbox, the local Inngest executor and Next.js — then prints the demo logins. Once the app
 * is up, the executor's cron keeps generating due cycles, so the demo goes on living.
 * Ctrl-C stops everything cleanly (PostgreSQL is shut down, not killed).
 */
import { spawn } from "node:child_process";
import { DEMO_PASSWORD, DEMO_USERS } from "../server/seed/demo-catalog";
import { prepareDatabase } from "./lib/database";
import { seedDemoDatabase } from "./lib/seed-demo-database";
import { startServices } from "./lib/services";

const PORT = Number(process.env.PORT ?? 3000);

async function main() {
  const db = await prepareDatabase({ dir: ".data/pg", port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), name: "replen" });
  process.env.DATABASE_URL = db.url;
  const seeded = await seedDemoDatabase(db.url, { mailDir: ".data/mail" });
  if (!seeded.seeded) {
    console.log(
      seeded.reason === "present"
        ? "[replen] demo data already present"
        : "[replen] this database has data but no demo history; `npm run db:reset-demo` replaces it with the demo",
    );
  }

  const services = await startServices({ appPort: PORT });
  const next = spawn("npx", ["next", "dev", "--port", String(PORT)], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...services.env },
  });

  console.log(`
  Replen is starting on http://localhost:${PORT}
  Demo logins (password: ${DEMO_PASSWORD}):
${DEMO_USERS.map((u) => `    ${u.role.padEnd(13)} ${u.email}`).join("\n")}
  Emails are caught by a local SMTP mailbox and saved in .data/mail/
`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    next.kill("SIGTERM");
    await services.stop();
    await db.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
