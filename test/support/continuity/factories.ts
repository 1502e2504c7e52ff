import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { addresses, auditLog, customers, inventory, orderLines, orders, products, programEnrollments, subscriptions, users } from "@/db/schema";
import { inngest } from "@/inngest/client";
import { activateProgram } from "@/server/continuity/activate-program";
import { createProgram } from "@/server/continuity/create-program";
import type { Substitution } from "@/server/continuity/model";
import { emptyDraft, type DraftDefinition } from "@/server/continuity/program-definition";
import { saveProgram } from "@/server/continuity/save-program";

/** 2026-11-24 10:00 in New York (15:00Z): the "today" of the acceptance scenario. */
export const NOW = new Date("2026-11-24T15:00:00Z");

export async function makeStaff(db: Database) {
  const [user] = await db
    .insert(users)
    .values({ email: `merch-${randomUUID()}@test.dev`, role: "merchandiser" })
    .returning();
  return user!;
}

export async function makeCustomer(db: Database, attrs: { tier?: string; region?: string } = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `c-${randomUUID()}@test.dev`, role: "customer" })
    .returning();
  const [customer] = await db
    .insert(customers)
    .values({
      userId: user!.id,
      email: user!.email,
      name: "Test Customer",
      timeZone: "America/New_York",
      tier: attrs.tier ?? "standard",
      region: attrs.region ?? null,
    })
    .returning();
  await db
    .insert(addresses)
    .values({ customerId: customer!.id, name: "T", line1: "1 Main St", city: "NYC", postalCode: "10001", country: "US", isDefault: true });
  return { userId: user!.id, customerId: customer!.id };
}

export async function makeProduct(db: Database, sku: string, kind: "standard" | "phantom" = "standard", stock = 100) {
  const [p] = await db
    .insert(products)
    .values({ sku: `${sku}-${randomUUID().slice(0, 8)}`, name: sku, kind, priceMinor: 1000, sellable: kind === "standard" })
    .returning();
  await db.insert(inventory).values({ productId: p!.id, onHand: kind === "phantom" ? 0 : stock });
  return p!.id;
}

/** E1..E6 (event 5 of version A is the phantom), B1..B6, the phantom, and monthly substitutes. */
export async function makeCatalog(db: Database) {
  const ids: Record<string, string> = {};
  for (const sku of ["E1", "E2", "E3", "E4", "E6", "B1", "B2", "B3", "B4", "B5", "B6", "DEC", "JAN", "MAR", "NEW6"])
    ids[sku] = await makeProduct(db, sku);
  ids.PH = await makeProduct(db, "PH", "phantom");
  return ids;
}

export const series = (...productIds: string[]) => productIds.map((productId, i) => ({ eventNumber: i + 1, productId, repeat: 1 }));

/** The acceptance program: standing monthly, 6 events, phantom at event 5, gold tier → version B. */
export function acceptanceDraft(c: Record<string, string>, overrides: Partial<DraftDefinition> = {}): DraftDefinition {
  return {
    ...emptyDraft(),
    type: "standing",
    startRule: "current_event",
    seriesStartDate: "2026-08-01",
    period: "monthly",
    leadDays: 10,
    versions: [
      { id: "A", series: series(c.E1!, c.E2!, c.E3!, c.E4!, c.PH!, c.E6!) },
      { id: "B", series: series(c.B1!, c.B2!, c.B3!, c.B4!, c.B5!, c.B6!) },
    ],
    defaultVersionId: "A",
    assignmentRules: [{ when: { attribute: "tier", equals: "gold" }, versionId: "B" }],
    ...overrides,
  };
}

export async function makeActiveProgram(db: Database, draft: DraftDefinition, substitutions: Substitution[] = [], priceMinor = 2000) {
  const staff = await makeStaff(db);
  const { id } = await createProgram(db, staff.id, { name: "Coffee club", description: "", sku: `CLUB-${randomUUID().slice(0, 8)}`, priceMinor });
  const saved = await saveProgram(db, staff.id, id, { name: "Coffee club", description: "", priceMinor, draft, substitutions }, NOW);
  expect(saved.issues).toEqual([]);
  await activateProgram(db, staff.id, id, NOW);
  return { programId: id, staffId: staff.id };
}

/** The item (product id) of each child order of a subscription, in cycle order. */
export async function childItems(db: Database, subscriptionId: string) {
  const rows = await db
    .select({ cycleIndex: orders.cycleIndex, productId: orderLines.productId, meta: orderLines.meta, scheduledFor: orders.scheduledFor })
    .from(orders)
    .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
    .where(eq(orders.subscriptionId, subscriptionId))
    .orderBy(asc(orders.cycleIndex));
  return rows;
}

export async function subscriptionOf(db: Database, id: string) {
  const [row] = await db.select().from(subscriptions).where(eq(subscriptions.id, id));
  return row!;
}

export async function enrollmentOf(db: Database, id: string) {
  const [row] = await db.select().from(programEnrollments).where(eq(programEnrollments.subscriptionId, id));
  return row!;
}

export async function auditOf(db: Database, entityId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), action ? eq(auditLog.action, action) : undefined))
    .orderBy(asc(auditLog.id));
}

export async function errorOf(promise: Promise<unknown>): Promise<{ code: string; fields?: Record<string, string>; userMessage: string }> {
  try {
    await promise;
  } catch (e) {
    return e as { code: string; fields?: Record<string, string>; userMessage: string };
  }
  throw new Error("expected an error, but the call succeeded");
}

/** A real HTTP endpoint standing in for Inngest's event API (dev mode), recording what was sent. */
export async function startEventSink() {
  const events: Array<{ name: string; data: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const sent = JSON.parse(body || "[]") as typeof events | (typeof events)[number];
      const list = Array.isArray(sent) ? sent : [sent];
      events.push(...list);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ids: list.map(() => randomUUID()), status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  inngest.setEnvVars({ INNGEST_DEV: "1", INNGEST_BASE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  return { events, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
