import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { createDatabase } from "@/test/databases";
import { startRenewalWave } from "@/test/support/renewal-wave";

/**
 * Renewal day through the real path — executor → HTTP → the app's /api/inngest serve() in its
 * own process → Postgres — with more concurrent work than the app's pool has connections
 * (3 connections; 2 batch runs × 3 orders at a time + generation + the health probe). The
 * guarantees are checked in SQL afterwards: one order per due cycle, all settled, one audit row
 * per transition, no payment authorized twice.
 */
const APP = {
  DATABASE_POOL_MAX: "3",
  WORKFLOW_BATCH_SIZE: "25",
  WORKFLOW_BATCH_RUNS: "2",
  WORKFLOW_BATCH_PARALLELISM: "3",
  GENERATION_BATCH_SIZE: "50",
  // A visit idle this long counts as stuck, so the sweepers act within the test.
  WORKFLOW_STUCK_AFTER_MINUTES: "0.05",
};

describe("renewal day through the real path", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });

  it("a wave larger than the pool settles completely while /api/health keeps answering", async () => {
    const wave = await startRenewalWave({ databaseUrl: process.env.DATABASE_URL!, subscriptions: 300, appEnv: APP });
    stop = wave.stop;
    wave.tick();
    const health: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        // A hang (the old pool deadlock) shows up as an abort, not as a slow figure.
        const res = await fetch(`${wave.appUrl}/api/health`, { signal: AbortSignal.timeout(20_000) });
        health.push(res.status);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    await wave.settle({ timeoutMs: 150_000 });
    probing = false;
    await probe;
    expect(health.length).toBeGreaterThan(0);
    expect(health.every((s) => s === 200)).toBe(true);
    const inv = await wave.invariants();
    expect(inv.problems).toEqual([]);
    expect(wave.executor.protocolIssues()).toEqual([]);
  }, 180_000);

  it("kill -9 of the app mid-wave loses nothing and doubles nothing once it is back", async () => {
    const wave = await startRenewalWave({ databaseUrl: process.env.DATABASE_URL!, subscriptions: 300, appEnv: APP });
    stop = wave.stop;
    wave.tick();
    // Kill it while orders are in flight: some generated, not all settled.
    for (;;) {
      const p = await wave.progress();
      if (p.orders > 0 && p.settled < 300) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await wave.killApp();
    await new Promise((r) => setTimeout(r, 500));
    await wave.restartApp();
    await wave.settle({ timeoutMs: 150_000 });
    expect((await wave.invariants()).problems).toEqual([]);
  }, 180_000);

  it("a PostgreSQL restart mid-wave loses nothing and doubles nothing once the sweepers have run", async () => {
    // A server of its own: restarting the shared test server would break the other files.
    const dir = ".data/pg-restart-test";
    const port = 54340;
    let server = await startEmbeddedPostgres(dir, port);
    const url = await createDatabase(server.adminUrl, `replen_restart_${Date.now().toString(36)}`);
    await migrateDatabase(url);
    const wave = await startRenewalWave({ databaseUrl: url, subscriptions: 300, appEnv: APP });
    stop = async () => {
      await wave.stop();
      await server.stop();
    };
    wave.tick();
    for (;;) {
      const p = await wave.progress();
      if (p.orders > 0 && p.settled < 300) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await server.stop();
    await new Promise((r) => setTimeout(r, 1_000));
    server = await startEmbeddedPostgres(dir, port);
    await wave.settle({ timeoutMs: 150_000 });
    expect((await wave.invariants()).problems).toEqual([]);
  }, 180_000);
});
