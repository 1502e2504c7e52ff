/**
 * Runs the generator in its own process so a test can kill -9 it mid-batch.
 * Usage: node --conditions=react-server --import tsx generator-child.ts <databaseUrl> <nowIso> <batchSize>
 * Prints "pid <backend pid>" once connected: the test watches that backend in pg_stat_activity.
 */
import { sql } from "drizzle-orm";
import { createDb } from "@/db/client";
import { generateAllDue } from "../generate-due";

const [url, nowIso, batchSize] = process.argv.slice(2);
// One connection: the backend pid printed below is the one that runs every batch.
const { db, sql: client } = createDb(url!, 1);
const [row] = await db.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
console.log(`pid ${row!.pid}`);
const result = await generateAllDue(db, { now: new Date(nowIso!), batchSize: Number(batchSize) });
console.log(`done ${JSON.stringify({ ...result, orders: undefined })}`);
await client.end();
