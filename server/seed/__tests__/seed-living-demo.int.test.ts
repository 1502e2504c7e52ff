import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import type { Email } from "@/server/notifications/send-email";
import { seedLivingDemo, type LivingDemoResult } from "../seed-living-demo";

const NOW = new Date("2026-12-03T15:00:00Z");
const sent: Email[] = [];
let first: LivingDemoResult;

const rows = <T>(q: ReturnType<typeof sql>) => getDb().execute(q) as unknown as Promise<T[]>;
const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(q))[0]!;

/**
 * The living demo, seeded into this file's fresh database through the use-cases, must be a
 * world the product's own rules could have produced: the invariants below are the ones the
 * database and the runtime promise, checked on everything the seed made.
 */
describe("the living demo", () => {
  beforeAll(async () => {
    first = await seedLivingDemo(getDb(), { now: NOW, sendEmail: async (m) => void sent.push(m) });
  }, 600_000);

  it("seeds about 200 customers and 1,000 subscriptions over every frequency, end condition and status", async () => {
    expect(first.seeded).toBe(true);
    const c = await one<{ customers: number; zones: number }>(
      sql`SELECT count(*)::int AS customers, count(DISTINCT time_zone)::int AS zones FROM customers`,
    );
    expect(c.customers).toBeGreaterThanOrEqual(200);
    expect(c.zones).toBeGreaterThanOrEqual(6);
    const s = await one<{ n: number; frequencies: number; ends: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT frequency)::int AS frequencies, count(DISTINCT end_kind)::int AS ends FROM subscriptions`,
    );
    expect(s.n).toBeGreaterThanOrEqual(1000);
    expect(s.frequencies).toBe(7);
    expect(s.ends).toBe(3);
    const statuses = await rows<{ status: string; until: boolean; n: number }>(
      sql`SELECT status, paused_until IS NOT NULL AS until, count(*)::int AS n FROM subscriptions GROUP BY 1, 2`,
    );
    const has = (status: string, until?: boolean) =>
      statuses.some((r) => r.status === status && (until === undefined || r.until === until) && r.n > 0);
    for (const status of ["active", "cancelled", "completed"]) expect(has(status), status).toBe(true);
    expect(has("paused", true), "paused with an auto-resume date").toBe(true);
    expect(has("paused", false), "paused without one").toBe(true);
    expect((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM cycle_overrides WHERE kind = 'skip'`)).n).toBeGreaterThan(0);
  });

  it("never has two orders for one (subscription, cycle)", async () => {
    const dupes = await rows(sql`
      SELECT subscription_id, cycle_index FROM orders WHERE subscription_id IS NOT NULL
      GROUP BY 1, 2 HAVING count(*) > 1`);
    expect(dupes).toEqual([]);
  });

  it("keeps every order in a state of the workflow version it is pinned to", async () => {
    const strays = await rows(sql`
      SELECT o.id, o.state, o.workflow_version_id FROM orders o
      LEFT JOIN workflow_versions v ON v.id = o.workflow_version_id
      WHERE v.id IS NULL
         OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(v.definition->'states') s WHERE s->>'id' = o.state)`);
    expect(strays).toEqual([]);
  });

  it("has orders in every state of the default workflow, on two published versions with orders still on v1, and a draft", async () => {
    const states = await rows<{ id: string; n: number }>(sql`
      SELECT s->>'id' AS id, (SELECT count(*)::int FROM orders o WHERE o.state = s->>'id') AS n
      FROM workflows w JOIN workflow_versions v ON v.workflow_id = w.id AND v.version = 1,
           jsonb_array_elements(v.definition->'states') s
      WHERE w.name = 'default'`);
    expect(states.length).toBeGreaterThanOrEqual(10);
    expect(states.filter((s) => s.n === 0)).toEqual([]);
    const versions = await rows<{ version: number; orders: number; in_flight: number }>(sql`
      SELECT v.version, count(o.id)::int AS orders,
             count(o.id) FILTER (WHERE o.state NOT IN ('shipped', 'rejected', 'cancelled'))::int AS in_flight
      FROM workflow_versions v JOIN workflows w ON w.id = v.workflow_id AND w.name = 'default'
      LEFT JOIN orders o ON o.workflow_version_id = v.id GROUP BY 1 ORDER BY 1`);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.in_flight).toBeGreaterThan(0);
    expect(versions[1]!.orders).toBeGreaterThan(0);
    const draft = await one<{ differs: boolean }>(sql`
      SELECT w.draft <> v.definition AS differs FROM workflows w
      JOIN workflow_versions v ON v.workflow_id = w.id AND v.version = 2 WHERE w.name = 'default'`);
    expect(draft.differs).toBe(true);
  });

  it("takes intake from every channel: accepted, duplicates, and dead letters that each carry their reason", async () => {
    const byStatus = await rows<{ channel: string; status: string; reason: string | null }>(
      sql`SELECT channel, status::text, reason FROM intake_payloads`,
    );
    for (const channel of ["shopify", "woocommerce", "bigcommerce", "api"]) {
      expect(
        byStatus.some((p) => p.channel === channel && p.status === "accepted"),
        `${channel} accepted`,
      ).toBe(true);
      expect(
        byStatus.some((p) => p.channel === channel && p.status === "duplicate"),
        `${channel} duplicate`,
      ).toBe(true);
    }
    const dead = byStatus.filter((p) => p.status === "dead_lettered" || p.status === "rejected");
    expect(dead.filter((p) => !p.reason)).toEqual([]);
    const reasons = new Set(dead.map((p) => p.reason));
    expect(reasons.has("bad_signature")).toBe(true);
    expect([...reasons].some((r) => /sku/i.test(r!))).toBe(true);
    expect([...reasons].some((r) => /total/i.test(r!))).toBe(true);
  });

  it("runs three continuity programs with enrollments, opt-outs, A/B versions and a month that needs attention", async () => {
    const programs = await rows<{ type: string; enrolled: number; versions: number }>(sql`
      SELECT r.definition->>'type' AS type, count(e.*)::int AS enrolled, count(DISTINCT e.version_id)::int AS versions
      FROM programs p JOIN program_revisions r ON r.program_id = p.id
      LEFT JOIN program_enrollments e ON e.program_id = p.id GROUP BY 1 ORDER BY 1`);
    expect(programs.map((p) => p.type)).toEqual(["perpetual", "regular", "standing"]);
    for (const p of programs) expect(p.enrolled, p.type).toBeGreaterThan(0);
    expect(programs.find((p) => p.type === "standing")!.versions).toBe(2);
    expect((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM program_opt_outs`)).n).toBeGreaterThan(0);
    expect((await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM program_flags WHERE status = 'open'`)).n).toBeGreaterThan(0);
  });

  it("gives the demo customer subscriptions, an enrollment, past orders, unread notifications and reminder emails", async () => {
    const casey = await one<{ subs: number; enrollments: number; orders: number; unread: number }>(sql`
      SELECT (SELECT count(*)::int FROM subscriptions s WHERE s.customer_id = c.id) AS subs,
             (SELECT count(*)::int FROM program_enrollments e JOIN subscriptions s ON s.id = e.subscription_id WHERE s.customer_id = c.id) AS enrollments,
             (SELECT count(*)::int FROM orders o WHERE o.customer_id = c.id) AS orders,
             (SELECT count(*)::int FROM notifications n WHERE n.customer_id = c.id AND n.read_at IS NULL) AS unread
      FROM customers c WHERE c.email = 'customer@replen.dev'`);
    expect(casey.subs).toBeGreaterThanOrEqual(4);
    expect(casey.enrollments).toBe(1);
    expect(casey.orders).toBeGreaterThan(3);
    expect(casey.unread).toBeGreaterThan(0);
    expect(sent.some((m) => /^Your next order of /.test(`${m.subject}`))).toBe(true);
  });

  it("does nothing on a second start", async () => {
    const before = await one<{ orders: number; subs: number }>(
      sql`SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM subscriptions) AS subs`,
    );
    const again = await seedLivingDemo(getDb(), { now: new Date(NOW.getTime() + 3_600_000), sendEmail: async () => {} });
    expect(again).toEqual({ seeded: false, reason: "present" });
    const after = await one<{ orders: number; subs: number }>(
      sql`SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM subscriptions) AS subs`,
    );
    expect(after).toEqual(before);
  });
});
