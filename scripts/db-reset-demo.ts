/**
 * `npm run db:reset-demo`: empties the dev database (the embedded one in .data/pg, or
 * DATABASE_URL's — which must be on this machine) and seeds the living demo again, as on a
 * first `npm run dev`. Stop `npm run dev` first: the embedded PostgreSQL serves one process.
 */
import fs from "node:fs";
import postgres from "postgres";
import { prepareDatabase } from "./lib/database";
import { seedDemoDatabase } from "./lib/seed-demo-database";

async function main() {
  const db = await prepareDatabase({ dir: ".data/pg", port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), name: "replen" });
  try {
    const host = new URL(db.url).hostname;
    if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`db:reset-demo refuses a database that is not on this machine (${host})`);
    process.env.DATABASE_URL = db.url;
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    // Every table of the app (the migrations' bookkeeping lives in the drizzle schema and stays).
    const tables = await sql<{ name: string }[]>`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public'`;
    if (tables.length > 0) await sql.unsafe(`TRUNCATE ${tables.map((t) => t.name).join(", ")} RESTART IDENTITY CASCADE`);
    await sql.end();
    fs.rmSync(".data/mail", { recursive: true, force: true });
    console.log(`[replen] emptied ${tables.length} tables and the mailbox`);
    const result = await seedDemoDatabase(db.url, { mailDir: ".data/mail" });
    if (!result.seeded) throw new Error("the demo was not seeded");
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
