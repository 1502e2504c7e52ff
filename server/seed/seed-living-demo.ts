import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import type { SendEmail } from "../notifications/send-email";
import { DEMO_SEEDED_ACTION, seedHistory } from "./demo/seed-history";
import { seedDemo } from "./seed-demo";

export type LivingDemoResult =
  { seeded: true; seconds: number; subscriptions: number; orders: number } | { seeded: false; reason: "present" | "not_empty" };

/**
 * `npm run dev`'s first start: the logins and catalog (seedDemo), then 90 days of history
 * replayed through the use-cases (server/seed/demo/seed-history.ts). Runs once: when the
 * history's marker row exists the demo is present and nothing is touched; a database that has
 * users but no marker (seeded before the living demo, or by hand) is left alone too — start
 * over with `npm run db:reset-demo`.
 */
export async function seedLivingDemo(
  db: Database,
  opts: { now: Date; sendEmail: SendEmail; log?: (line: string) => void; people?: number; subscriptions?: number },
): Promise<LivingDemoResult> {
  const [marker] = await db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "demo"), eq(auditLog.action, DEMO_SEEDED_ACTION)))
    .limit(1);
  if (marker) return { seeded: false, reason: "present" };
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return { seeded: false, reason: "not_empty" };
  const started = performance.now();
  await seedDemo(db);
  const history = await seedHistory(db, opts);
  return { seeded: true, seconds: (performance.now() - started) / 1000, subscriptions: history.subscriptions, orders: history.orders };
}
