import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

type Journal = { entries: Array<{ idx: number; tag: string; when: number }> };

/** The migrations this build ships with (drizzle-kit's journal). */
function shippedMigrations(): Journal["entries"] {
  const file = path.join(process.cwd(), "db/migrations/meta/_journal.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as Journal).entries;
}

export type HealthReport = {
  status: "ok" | "degraded" | "down";
  database: { reachable: boolean; latencyMs?: number; error?: string };
  migrations: { applied: number; expected: number; latest: string | null; upToDate: boolean };
  extra?: Record<string, unknown>;
};

export async function healthReport(db: Database, extra?: () => Promise<Record<string, unknown>>): Promise<HealthReport> {
  const shipped = shippedMigrations();
  const expected = shipped.length;
  const latestTag = shipped.at(-1)?.tag ?? null;
  const started = Date.now();
  try {
    const rows = await db.execute<{ applied: number; last: string | null }>(
      sql`SELECT count(*)::int AS applied, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
    );
    const latencyMs = Date.now() - started;
    const applied = Number(rows[0]?.applied ?? 0);
    const latest = shipped.find((m) => String(m.when) === rows[0]?.last)?.tag ?? latestTag;
    const upToDate = applied === expected;
    return {
      status: upToDate ? "ok" : "degraded",
      database: { reachable: true, latencyMs },
      migrations: { applied, expected, latest: applied ? latest : null, upToDate },
      extra: extra ? await extra() : undefined,
    };
  } catch {
    // Never leak the driver's message (it can contain hosts and users).
    return {
      status: "down",
      database: { reachable: false, error: "database unreachable" },
      migrations: { applied: 0, expected, latest: null, upToDate: false },
    };
  }
}
