import fs from "node:fs";
import type postgres from "postgres";

/**
 * CPU seconds used by this process and by the PostgreSQL backends serving a database.
 * On a shared machine wall time swings with other people's load; CPU time per order hardly
 * does, so the report gives both. Backend CPU is read from /proc, so it is only available
 * when the server runs on this machine (embedded, or a local DATABASE_URL).
 */
const TICKS_PER_SECOND = 100; // CLK_TCK on Linux

function procCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

async function backendPids(admin: postgres.Sql, database: string): Promise<number[]> {
  const rows = await admin`SELECT pid FROM pg_stat_activity WHERE datname = ${database} AND backend_type = 'client backend'`;
  return rows.map((r) => Number(r.pid));
}

export interface CpuMeter {
  /** Node CPU + backend CPU since start; null backend CPU when /proc has no such pids (remote server). */
  stop(): Promise<{ nodeS: number; postgresS: number | null }>;
}

/** Starts measuring; call stop() while the measured connections are still open. */
export async function startCpuMeter(admin: postgres.Sql, database: string): Promise<CpuMeter> {
  const node = process.cpuUsage();
  const before = new Map<number, number>();
  for (const pid of await backendPids(admin, database)) before.set(pid, procCpuSeconds(pid) ?? 0);
  return {
    async stop() {
      const used = process.cpuUsage(node);
      let postgresS: number | null = 0;
      for (const pid of await backendPids(admin, database)) {
        const now = procCpuSeconds(pid);
        if (now === null) {
          postgresS = null;
          break;
        }
        postgresS += now - (before.get(pid) ?? 0);
      }
      return { nodeS: (used.user + used.system) / 1e6, postgresS };
    },
  };
}

/** Bytes of WAL the server has written so far (compare two readings). */
export async function walPosition(admin: postgres.Sql): Promise<bigint> {
  const [row] = await admin`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS bytes`;
  return BigInt(String(row?.bytes ?? "0"));
}
