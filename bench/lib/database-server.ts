import postgres from "postgres";
import { startEmbeddedPostgres } from "../../db/embedded";
import { migrateDatabase, withDatabase } from "../../db/migrate";

const BENCH_PG_DIR = ".data/pg-bench";
const BENCH_PG_PORT = 54350;

/**
 * Server settings for the embedded bench server (ours alone, so tuning it is fine): enough
 * shared_buffers to keep 1M orders' indexes in memory, and WAL sized so no checkpoint lands
 * in the middle of a measurement. Durability settings (fsync, synchronous_commit) stay at
 * their defaults: the figures must hold for a real deployment.
 */
const TUNING: Record<string, string> = {
  shared_buffers: "2GB",
  max_wal_size: "16GB",
  checkpoint_timeout: "1h",
  wal_buffers: "64MB",
  work_mem: "64MB",
  maintenance_work_mem: "512MB",
  // Statement counts for the pipeline bench (statements per order).
  shared_preload_libraries: "pg_stat_statements",
};

export interface BenchServer {
  adminUrl: string;
  label: string;
  owned: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL's server if set (untouched: only per-database settings), else a tuned embedded one. */
export async function startBenchServer(): Promise<BenchServer> {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    return { adminUrl: process.env.DATABASE_URL, label: `DATABASE_URL ${url.host} (server settings untouched)`, owned: false, stop: async () => {} };
  }
  let server = await startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT);
  if (await needsTuning(server.adminUrl)) {
    await tune(server.adminUrl);
    await server.stop(); // shared_buffers only changes on restart
    server = await startEmbeddedPostgres(BENCH_PG_DIR, BENCH_PG_PORT);
  }
  const version = await query(server.adminUrl, "SHOW server_version");
  return { adminUrl: server.adminUrl, label: `embedded PostgreSQL ${version} (${describeTuning()})`, owned: true, stop: server.stop };
}

export async function createBenchDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  await migrateDatabase(url);
  return {
    url,
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

function describeTuning() {
  return Object.entries(TUNING)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

async function needsTuning(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`SELECT name, setting FROM pg_settings WHERE name IN ('shared_buffers', 'shared_preload_libraries')`;
    const setting = (name: string) => rows.find((r) => r.name === name)?.setting ?? "";
    // shared_buffers is reported in 8 kB pages.
    return Number(setting("shared_buffers")) * 8 < 2 * 1024 * 1024 || !String(setting("shared_preload_libraries")).includes("pg_stat_statements");
  } finally {
    await sql.end();
  }
}

async function tune(adminUrl: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const [name, value] of Object.entries(TUNING)) await sql.unsafe(`ALTER SYSTEM SET ${name} = '${value}'`);
  } finally {
    await sql.end();
  }
}

async function query(url: string, text: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql.unsafe(text);
    return String(Object.values(rows[0] ?? {})[0]);
  } finally {
    await sql.end();
  }
}
