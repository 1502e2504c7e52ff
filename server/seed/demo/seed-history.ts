import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, customers, orders, products, users, workflows, workflowVersions } from "@/db/schema";
import { joinProgram } from "@/server/continuity/join-program";
import { flagMissingSubstitutions } from "@/server/continuity/flag-missing-substitutions";
import { loadEnrollment } from "@/server/continuity/load-enrollments";
import { setShipmentOptOut } from "@/server/continuity/opt-out";
import { importCustomers } from "@/server/customers/import-customers";
import { AppError } from "@/server/errors/app-error";
import { mapLimit } from "@/server/lib/map-limit";
import { generateAllDue } from "@/server/generation/generate-due";
import { createDueReminders, sendReminderEmails } from "@/server/generation/reminders";
import type { SendEmail } from "@/server/notifications/send-email";
import { announceOrders } from "@/server/orders/announce-orders";
import { savePaymentMethod } from "@/server/payments/payment-method";
import { TEST_CARDS } from "@/server/payments/test-cards";
import { toLocalDate, addDays } from "@/server/schedule";
import { cancelSubscription } from "@/server/subscriptions/cancel-subscription";
import { createSubscriptions } from "@/server/subscriptions/create-subscriptions";
import type { CustomerActor } from "@/server/subscriptions/lock-subscription";
import { pauseSubscription } from "@/server/subscriptions/pause-subscription";
import { resumeDuePaused } from "@/server/subscriptions/resume-due-paused";
import { resumeSubscription } from "@/server/subscriptions/resume-subscription";
import { skipNext } from "@/server/subscriptions/skip-cycle";
import type { WorkflowDefinition } from "@/server/workflows/model";
import { defaultRuntimeDeps } from "@/server/workflows/runtime/default-runtime-deps";
import { driveOrders } from "@/server/workflows/runtime/drive-orders";
import { handleOrderEvents } from "@/server/workflows/runtime/handle-order-event";
import { startOrderWorkflows } from "@/server/workflows/runtime/start-order-workflow";
import { submitReviewDecision } from "@/server/workflows/runtime/submit-review-decision";
import { DEFAULT_WORKFLOW_NAME } from "@/server/workflows/store/seed-default-workflow";
import { createDemoRuntime } from "./demo-runtime";
import { demoPeople } from "./demo-people";
import { planSubscriptions, type SubscriptionPlan } from "./demo-plan";
import { createDemoPrograms } from "./demo-programs";
import { postIntake, type IntakeCase, type PostingChannel } from "./demo-intake";
import { publishDemoVersion2, saveDemoDraft } from "./demo-workflow";
import { startEventInbox } from "./event-inbox";
import { createRandom } from "./random";

export const DEMO_DAYS = 90;
const DAY = 86_400_000;
/** Use-case calls in flight at once: customers act side by side (each call is its own transaction). */
const PARALLEL = 4;
export const DEMO_SEEDED_ACTION = "demo_seeded";

export type HistoryOptions = {
  /** The end of the history (the clock at seeding); day 0 is DEMO_DAYS before it. */
  now: Date;
  sendEmail: SendEmail;
  people?: number;
  subscriptions?: number;
  log?: (line: string) => void;
};

/**
 * Replays DEMO_DAYS of a shop's life with the clock moved through the past, one simulated day
 * at a time, calling only Replen's use-cases: customers sign up and set up, pause, skip,
 * resume and cancel subscriptions; the generator creates due orders set-based, reminders go
 * out, orders run through their pinned workflow version (payments on the test gateway, stock,
 * review, dunning, timeouts), the warehouse ships, merchandisers decide reviews, channels post
 * intake, the admin publishes workflow v2 and leaves a draft. Deterministic (seeded random).
 * Assumes the base seed (logins, catalog, workflow v1) is in place.
 */
export async function seedHistory(db: Database, opts: HistoryOptions) {
  const log = opts.log ?? (() => {});
  const random = createRandom(20_261_203);
  const end = opts.now.getTime();
  const clock = { now: new Date(end - DEMO_DAYS * DAY) };
  const inbox = await startEventInbox();
  const deps = defaultRuntimeDeps({ db, now: () => clock.now, sendEmail: opts.sendEmail });
  const runtime = createDemoRuntime(deps);
  const send = async (events: Parameters<typeof runtime.enqueue>[0]) => runtime.enqueue(events);
  const homeCountry = deps.homeCountry;

  try {
    const staff = await staffIds(db);
    const skuIds = new Map((await db.select({ id: products.id, sku: products.sku }).from(products)).map((p) => [p.sku, p.id]));
    const sku = (code: string) => skuIds.get(code) ?? fail(`demo product ${code} missing`);

    // ── Day 0: the customers, their cards, the programs.
    const people = demoPeople(random, opts.people ?? 200);
    const imported = await importCustomers(db, people, clock.now);
    const actors: CustomerActor[] = imported.map((c) => ({ userId: c.userId, customerId: c.customerId }));
    for (const [i, p] of people.entries()) {
      if (p.card !== "approve")
        await savePaymentMethod(db, actors[i]!.customerId, { gateway: "test", token: TEST_CARDS[p.card], brand: "visa" }, clock.now);
    }
    const casey = staff.casey;
    const firstDay = toLocalDate(clock.now, "UTC");
    const programs = await createDemoPrograms(db, staff.merch, sku, { firstDay, today: toLocalDate(opts.now, "UTC"), now: clock.now });
    const [wf] = await db.select({ id: workflows.id }).from(workflows).where(eq(workflows.name, DEFAULT_WORKFLOW_NAME));
    const [v1] = await db
      .select({ definition: workflowVersions.definition })
      .from(workflowVersions)
      .where(and(eq(workflowVersions.workflowId, wf!.id), eq(workflowVersions.version, 1)));

    const plans = planSubscriptions(random, { count: opts.subscriptions ?? 990, people: people.length, days: DEMO_DAYS });
    const caseyPlans: SubscriptionPlan[] = [
      {
        person: -1,
        sku: "COF-BEAN-1KG",
        quantity: 1,
        frequency: "monthly",
        day: 4,
        startInDays: 0,
        localTime: "09:00",
        end: { kind: "until_cancelled" },
        steps: [],
      },
      {
        person: -1,
        sku: "COF-FILTER-100",
        quantity: 2,
        frequency: "biweekly",
        day: 9,
        startInDays: 1,
        localTime: "09:00",
        end: { kind: "until_cancelled" },
        steps: [{ day: 83, kind: "skip" }],
      },
      {
        person: -1,
        sku: "VIT-D3-90",
        quantity: 1,
        frequency: "monthly",
        day: 15,
        startInDays: 0,
        localTime: "08:00",
        end: { kind: "after_cycles", cycles: 6 },
        steps: [{ day: 70, kind: "pause", untilInDays: 21 }],
      },
      {
        person: -1,
        sku: "RAZ-BLADE-8",
        quantity: 1,
        frequency: "quarterly",
        day: 30,
        startInDays: 2,
        localTime: "09:00",
        end: { kind: "until_cancelled" },
        steps: [],
      },
    ];
    const allPlans = [...caseyPlans, ...plans];
    const actorOf = (plan: SubscriptionPlan) => (plan.person < 0 ? casey : actors[plan.person]!);
    const zoneOf = (plan: SubscriptionPlan) => (plan.person < 0 ? "America/New_York" : people[plan.person]!.timeZone);
    const subscriptionOf = new Map<SubscriptionPlan, string>();

    // Program joins: spread over the 90 days, late joiners among them; Casey joins the coffee club.
    const joins = Array.from({ length: 80 }, (_, i) => ({
      person: (i * 7 + 3) % people.length,
      program: i % 4 === 0 ? programs.regular : i % 4 === 1 ? programs.perpetual : programs.standing,
      day: i < 60 ? random.int(0, 60) : random.int(61, DEMO_DAYS - 2),
    }));
    const programSubs: Array<{ actor: CustomerActor; subscriptionId: string }> = [];
    let intakeSerial = 0;
    const intakeCases: Array<[PostingChannel, IntakeCase]> = (
      ["accepted", "accepted", "duplicate", "unknown_sku", "accepted", "totals_mismatch", "bad_signature", "accepted"] as const
    ).flatMap((k) => (["shopify", "woocommerce", "bigcommerce", "api"] as const).map((c) => [c, k] as [PostingChannel, IntakeCase]));

    const phases = new Map<string, number>();
    let mark = performance.now();
    const lap = (name: string) => {
      const t = performance.now();
      phases.set(name, (phases.get(name) ?? 0) + t - mark);
      mark = t;
    };
    for (let day = 0; day <= DEMO_DAYS; day++) {
      clock.now = new Date(end - (DEMO_DAYS - day) * DAY);
      const now = clock.now;
      const last = day === DEMO_DAYS;
      await resumeDuePaused(db, now);

      // What customers did today, through the portal's use-cases: today's new subscriptions in one batch, then their changes.
      const today = allPlans.filter((p) => p.day === day);
      const created = await createSubscriptions(
        db,
        today.map((plan) => {
          const local = toLocalDate(now, zoneOf(plan));
          const end = plan.end.kind === "on_date" ? { kind: "on_date" as const, endDate: addDays(local, plan.end.afterDays) } : plan.end;
          return {
            actor: actorOf(plan),
            input: {
              productId: sku(plan.sku),
              quantity: plan.quantity,
              frequency: plan.frequency,
              startDate: addDays(local, plan.startInDays),
              localTime: plan.localTime,
              end,
            },
          };
        }),
        now,
      );
      today.forEach((plan, i) => subscriptionOf.set(plan, created[i]!.subscriptionId));
      const steps = allPlans.flatMap((plan) =>
        plan.steps.filter((s) => s.day === day).map((step) => ({ plan, step, id: subscriptionOf.get(plan)! })),
      );
      await mapLimit(steps, PARALLEL, ({ plan, step, id }) =>
        lifecycle(() => {
          const actor = actorOf(plan);
          if (step.kind === "pause") {
            const until = step.untilInDays ? addDays(toLocalDate(now, zoneOf(plan)), step.untilInDays) : undefined;
            return pauseSubscription(db, actor, id, { until }, now);
          }
          if (step.kind === "resume") return resumeSubscription(db, actor, id, now);
          if (step.kind === "skip") return skipNext(db, actor, id, now);
          return cancelSubscription(db, actor, id, { reason: "other", note: "No longer needed" }, now, { send: opts.sendEmail });
        }),
      );
      lap("subscriptions");
      for (const join of joins.filter((j) => j.day === day)) {
        const actor = actors[join.person]!;
        const joined = await lifecycle(() => joinProgram(db, actor, join.program, now));
        if (joined) programSubs.push({ actor, subscriptionId: joined.subscriptionId });
      }
      if (day === 20) {
        const joined = await joinProgram(db, casey, programs.standing, now);
        programSubs.push({ actor: casey, subscriptionId: joined.subscriptionId });
      }
      // Opt-outs of one upcoming shipment (the next-but-one, still open for changes).
      if (day === 70 || day === DEMO_DAYS - 3) {
        for (const s of programSubs.filter((_, i) => i % 6 === 0)) {
          const e = await loadEnrollment(db, s.subscriptionId);
          if (e?.status === "active")
            await lifecycle(() => setShipmentOptOut(db, s.actor, s.subscriptionId, e.state.shipmentsProcessed + 1, "opt_out", now));
        }
      }
      if (day === 45) await publishDemoVersion2(db, { workflowId: wf!.id, adminId: staff.admin, v1: v1!.definition as WorkflowDefinition, now });
      if (day === 80) await saveDemoDraft(db, { workflowId: wf!.id, v1: v1!.definition as WorkflowDefinition, now });
      // Channels post one order a day over the last month; the last ones are still in flight.
      if (day >= DEMO_DAYS + 1 - intakeCases.length) {
        const [channel, kind] = intakeCases[intakeSerial]!;
        await postIntake(db, channel, kind, ++intakeSerial, now);
      }

      lap("programs, workflow, intake");
      // The scheduled functions of the day: generation (set-based batches), reminders.
      await generateAllDue(db, {
        now,
        batchSize: 500,
        onBatch: (batch) => announceOrders(batch.orders.map((o) => o.orderId)).then(() => undefined),
      });
      lap("generation");
      await createDueReminders(db, { now });
      if (day >= DEMO_DAYS - 2) await sendReminderEmails(db, { now, send: opts.sendEmail });
      if (day % 7 === 0 || last) await flagMissingSubstitutions(db, now);

      lap("reminders, flags");
      // Staff: the warehouse ships what has been ready for a day and a half (a few stay held);
      // merchandisers decide most reviews waiting since yesterday, the rest time out.
      await shipReady(db, now, homeCountry, runtime.enqueue);
      // Nobody has got to the reviews of the last two days yet, so the queue is not empty.
      for (const o of day < DEMO_DAYS - 1 ? await waiting(db, "manual_review", now, 0.8 * DAY) : []) {
        if (o.number % 10 < 7)
          await lifecycle(() =>
            submitReviewDecision(db, send, { orderId: o.id, decision: "approve", userId: staff.merch, role: "merchandiser", now, homeCountry }),
          );
        else if (o.number % 10 === 7)
          await lifecycle(() =>
            submitReviewDecision(db, send, {
              orderId: o.id,
              decision: "reject",
              userId: staff.merch,
              role: "merchandiser",
              note: "Unusual quantity",
              now,
              homeCountry,
            }),
          );
      }

      lap("warehouse, reviews");
      // The engine: runs whose sleep or wait is over, then everything announced today.
      await runtime.wake();
      const events = inbox.take();
      if (last) await leaveSomeInFlight(events, deps, clock.now);
      runtime.enqueue(events);
      await runtime.drain();
      lap("workflow runtime");
      if (day % 10 === 0 || last)
        log(`day ${String(day).padStart(2)}/${DEMO_DAYS} · ${subscriptionOf.size} subscriptions · ${await count(db, "orders")} orders`);
    }
    log(`time by phase: ${[...phases].map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}`);
    await db
      .insert(auditLog)
      .values({ at: clock.now, actorType: "system", actorId: "seed", entityType: "demo", entityId: "demo", action: DEMO_SEEDED_ACTION });
    return { subscriptions: subscriptionOf.size + programSubs.length, orders: await count(db, "orders"), parkedRuns: runtime.parkedCount() };
  } finally {
    await inbox.close();
  }
}

/**
 * The newest orders are left where a running engine would be when you look: a few just
 * created, a few in validation, a few in processing. The live app's stuck-order sweeper
 * picks them up within minutes, so they move on while one watches.
 */
async function leaveSomeInFlight(
  events: Array<{ name: string; data: Record<string, unknown> }>,
  deps: ReturnType<typeof defaultRuntimeDeps>,
  now: Date,
) {
  const created = events.filter((e) => e.name === "order/created");
  const held = created.splice(-9);
  events.splice(0, events.length, ...events.filter((e) => e.name !== "order/created"), ...created);
  const started = await startOrderWorkflows(
    deps.db,
    held.map((e) => String(e.data.orderId)),
    now,
  );
  const visits = started.map((s) => ({ orderId: s.orderId, state: s.state, versionId: s.versionId, seq: s.seq }));
  await driveOrders(deps, visits.slice(3, 6), { parallelism: 2, maxHops: 1 });
  await driveOrders(deps, visits.slice(6), { parallelism: 2, maxHops: 2 });
}

async function shipReady(db: Database, now: Date, homeCountry: string, enqueue: (e: Awaited<ReturnType<typeof handleOrderEvents>>["next"]) => void) {
  // Every 25th order is "held at the warehouse" and stays ready to ship, so some v1 orders are still in flight.
  const ready = (await waiting(db, "ready_to_ship", now, 1.5 * DAY)).filter((o) => o.number % 25 !== 0);
  if (ready.length === 0) return;
  const { next } = await handleOrderEvents(
    db,
    ready.map((o) => ({ event: "order/shipped", orderId: o.id })),
    { now, homeCountry, actorId: "warehouse" },
  );
  enqueue(next);
}

/** Orders that have been in `state` for at least `forMs` (a read: the staff's queue). */
function waiting(db: Database, state: string, now: Date, forMs: number) {
  return db
    .select({ id: orders.id, number: orders.number })
    .from(orders)
    .where(and(eq(orders.state, state), lt(orders.stateEnteredAt, new Date(now.getTime() - forMs))))
    .orderBy(orders.number);
}

/** A customer action the demo tries; one the rules refuse (e.g. pausing a completed subscription) is simply not taken. */
async function lifecycle<T>(action: () => Promise<T>): Promise<T | null> {
  try {
    return await action();
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

async function staffIds(db: Database) {
  const rows = await db
    .select({ id: users.id, email: users.email, customerId: customers.id })
    .from(users)
    .leftJoin(customers, eq(customers.userId, users.id));
  const by = (email: string) => rows.find((r) => r.email === email) ?? fail(`demo login ${email} missing`);
  const c = by("customer@replen.dev");
  return { merch: by("merch@replen.dev").id, admin: by("admin@replen.dev").id, casey: { userId: c.id, customerId: c.customerId! } };
}

async function count(db: Database, table: "orders") {
  const [row] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

function fail(message: string): never {
  throw new Error(message);
}
