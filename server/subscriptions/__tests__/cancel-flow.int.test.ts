import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { customerEmails, saveOfferAcceptances } from "@/db/schema";
import { generateForSubscriptions } from "@/server/generation/generate-for-subscriptions";
import { sendCustomerEmails } from "@/server/notifications/send-customer-emails";
import type { Email, SendEmail } from "@/server/notifications/send-email";
import { auditVocabularyOf } from "@/test/support/subscription-audit-vocabulary";
import {
  auditActions,
  createInput,
  errorOf,
  makeCustomer,
  makeProduct,
  NOW,
  ordersOf,
  startEventSink,
  subscriptionRow,
} from "@/test/support/subscriptions/factories";
import { acceptSaveOffer } from "../accept-save-offer";
import { cancelSubscription } from "../cancel-subscription";
import { createSubscription } from "../create-subscription";
import { getSaveOffer } from "../get-save-offer";
import { listSaveOffers } from "../list-save-offers";
import type { CancelReason, SaveOfferTerms } from "../model";
import { pauseSubscription } from "../pause-subscription";
import { putSaveOffer } from "../put-save-offer";

let sink: Awaited<ReturnType<typeof startEventSink>>;
beforeAll(async () => {
  sink = await startEventSink();
});
afterAll(async () => {
  await sink.close();
});

/** An SMTP stand-in that records what it was handed (or refuses, to test the retry). */
function mailbox(opts: { fail?: boolean } = {}) {
  const sent: Email[] = [];
  const send: SendEmail = async (email) => {
    if (opts.fail) throw new Error("SMTP down");
    sent.push(email);
  };
  return { sent, send };
}

async function setup() {
  const db = getDb();
  const customer = await makeCustomer(db);
  const product = await makeProduct(db, { name: "Oat milk" });
  const { subscription } = await createSubscription(db, customer.actor, createInput(product.id), NOW);
  return { db, ...customer, id: subscription.id };
}

async function offer(reason: CancelReason, terms: SaveOfferTerms, active = true) {
  const staff = await makeCustomer(getDb(), { role: "merchandiser" });
  return putSaveOffer(getDb(), staff.user.id, reason, { terms, message: `Before you go (${reason})`, active }, NOW);
}

const actionsOf = async (id: string) => (await auditActions(getDb(), id)).map((a) => a.action);

describe("save offers (merchandiser)", () => {
  it("one offer per reason: a second put edits it in place and keeps its id", async () => {
    const first = await offer("moving", { kind: "pause", pauseMonths: 2 });
    const second = await offer("moving", { kind: "skip_next" });
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ reason: "moving", terms: { kind: "skip_next" }, label: "Skip your next delivery instead" });
    expect((await listSaveOffers(getDb())).filter((o) => o.reason === "moving")).toHaveLength(1);
  });

  it("the database refuses terms that do not fit the kind", async () => {
    const staff = await makeCustomer(getDb(), { role: "merchandiser" });
    const bad = { kind: "pause", pauseMonths: 7 } as unknown as SaveOfferTerms;
    await expect(putSaveOffer(getDb(), staff.user.id, "other", { terms: bad, message: "x", active: true }, NOW)).rejects.toThrow();
  });
});

describe("the cancel flow", () => {
  it("shows the offer of the chosen reason (audited), none for a reason without one", async () => {
    const { db, actor, id } = await setup();
    const configured = await offer("too_expensive", { kind: "discount", discountPercent: 20, discountOrders: 2 });
    await offer("switching_product", { kind: "skip_next" }, false);
    const shown = await getSaveOffer(db, actor, id, "too_expensive", NOW);
    expect(shown).toMatchObject({ id: configured.id, label: "Get 20% off your next 2 orders" });
    expect(await getSaveOffer(db, actor, id, "switching_product", NOW)).toBeNull(); // switched off
    const rows = (await auditActions(db, id)).filter((a) => a.action === "save_offer_shown");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ data: { offerId: configured.id, reason: "too_expensive" } });
  });

  it("a pause offer is not shown to a paused subscription", async () => {
    const { db, actor, id } = await setup();
    await offer("moving", { kind: "pause", pauseMonths: 1 });
    await pauseSubscription(db, actor, id, {}, NOW);
    expect(await getSaveOffer(db, actor, id, "moving", NOW)).toBeNull();
  });

  it("accepting skip-next skips once, audits, emails once; a repeat changes nothing and the offer is gone", async () => {
    const { db, actor, id, customer } = await setup();
    const skip = await offer("too_much_product", { kind: "skip_next" });
    const mail = mailbox();
    const before = await subscriptionRow(db, id);
    const first = await acceptSaveOffer(db, actor, id, { offerId: skip.id, reason: "too_much_product" }, NOW, { send: mail.send });
    expect(first.repeated).toBe(false);
    expect(first.subscription.status).toBe("active");
    const after = await subscriptionRow(db, id);
    expect(after.nextCycleIndex).toBe(before.nextCycleIndex + 1);

    const again = await acceptSaveOffer(db, actor, id, { offerId: skip.id, reason: "too_much_product" }, NOW, { send: mail.send });
    expect(again.repeated).toBe(true);
    expect((await subscriptionRow(db, id)).nextCycleIndex).toBe(after.nextCycleIndex);
    expect(await getSaveOffer(db, actor, id, "too_much_product", NOW)).toBeNull();

    const actions = await actionsOf(id);
    expect(actions.filter((a) => a === "skipped")).toHaveLength(1);
    expect(actions.filter((a) => a === "save_offer_accepted")).toHaveLength(1);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({ to: customer.email, subject: "Your Oat milk subscription continues" });
    expect(mail.sent[0]!.text).toContain("Skip your next delivery");
  });

  it("accepting a pause pauses until N months from today, in the subscription's zone", async () => {
    const { db, actor, id } = await setup();
    const pause = await offer("moving", { kind: "pause", pauseMonths: 3 });
    const { subscription } = await acceptSaveOffer(db, actor, id, { offerId: pause.id, reason: "moving" }, NOW, { send: mailbox().send });
    expect(subscription).toMatchObject({ status: "paused", pausedUntil: "2027-02-24" });
    expect(await actionsOf(id)).toEqual(expect.arrayContaining(["paused", "save_offer_accepted"]));
  });

  it("accepting a frequency change re-anchors like a customer change", async () => {
    const { db, actor, id } = await setup();
    const slower = await offer("too_much_product", { kind: "change_frequency", frequency: "quarterly" });
    const { subscription } = await acceptSaveOffer(db, actor, id, { offerId: slower.id, reason: "too_much_product" }, NOW, {
      send: mailbox().send,
    });
    expect(subscription.frequency).toBe("quarterly");
    expect(await actionsOf(id)).toEqual(expect.arrayContaining(["frequency_changed", "save_offer_accepted"]));
  });

  it("an offer id that does not match the reason's current offer is refused and changes nothing", async () => {
    const { db, actor, id } = await setup();
    const skip = await offer("too_much_product", { kind: "skip_next" });
    expect(await errorOf(acceptSaveOffer(db, actor, id, { offerId: skip.id, reason: "moving" }, NOW))).toMatchObject({ code: "CONFLICT" });
    const stranger = await makeCustomer(db);
    expect(await errorOf(acceptSaveOffer(db, stranger.actor, id, { offerId: skip.id, reason: "too_much_product" }, NOW))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.select().from(saveOfferAcceptances).where(eq(saveOfferAcceptances.subscriptionId, id))).toEqual([]);
  });

  it("declining and cancelling: declined + cancelled with the reason, one email, generation stops", async () => {
    const { db, actor, id, customer } = await setup();
    const discount = await offer("too_expensive", { kind: "discount", discountPercent: 10, discountOrders: 1 });
    const mail = mailbox();
    await getSaveOffer(db, actor, id, "too_expensive", NOW);
    const dto = await cancelSubscription(db, actor, id, { reason: "too_expensive", note: "Found it cheaper", declinedOfferId: discount.id }, NOW, {
      send: mail.send,
    });
    expect(dto).toMatchObject({ status: "cancelled", cancelReason: "too_expensive", discount: null });
    const row = await subscriptionRow(db, id);
    expect(row).toMatchObject({ cancelReason: "too_expensive", cancelNote: "Found it cheaper", nextRunAt: null });
    const audit = (await auditActions(db, id)).filter((a) => a.action.startsWith("save_offer") || a.action === "cancelled");
    expect(audit.map((a) => a.action)).toEqual(["save_offer_shown", "save_offer_declined", "cancelled"]);
    expect(audit[2]).toMatchObject({ fromState: "active", toState: "cancelled", data: { reason: "too_expensive", note: "Found it cheaper" } });
    expect(mail.sent.map((m) => [m.to, m.subject])).toEqual([[customer.email, "Your Oat milk subscription is cancelled"]]);
    // A retried cancel is refused (cancelled is final) and sends nothing more.
    expect(await errorOf(cancelSubscription(db, actor, id, {}, NOW, { send: mail.send }))).toMatchObject({ code: "CONFLICT" });
    expect(mail.sent).toHaveLength(1);
    expect(await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2028-01-01T00:00:00Z")))).toEqual([]);
  });

  it("a cancel with no reason at all completes", async () => {
    const { db, actor, id } = await setup();
    const dto = await cancelSubscription(db, actor, id, {}, NOW, { send: mailbox().send });
    expect(dto).toMatchObject({ status: "cancelled", cancelReason: null });
    expect((await auditActions(db, id)).at(-1)).toMatchObject({ action: "cancelled", data: { reason: null, note: null } });
  });

  it("an email SMTP refused stays queued and the sweeper sends it once, later", async () => {
    const { db, actor, id, customer } = await setup();
    await cancelSubscription(db, actor, id, {}, NOW, { send: mailbox({ fail: true }).send });
    const [queued] = await db
      .select()
      .from(customerEmails)
      .where(and(eq(customerEmails.customerId, customer.id)));
    expect(queued).toMatchObject({ sentAt: null, claimedAt: null, kind: "subscription_cancelled" });
    const later = mailbox();
    const at = new Date(NOW.getTime() + 60_000);
    expect(await sendCustomerEmails(db, { now: at, ids: [queued!.id], send: later.send })).toEqual({ sent: 1, failed: 0 });
    expect(await sendCustomerEmails(db, { now: at, ids: [queued!.id], send: later.send })).toEqual({ sent: 0, failed: 0 });
    expect(later.sent).toHaveLength(1);
  });
});

describe("a discount offer prices generated orders", () => {
  it("is applied to exactly N generated orders, then the price is back to normal", async () => {
    const { db, actor, id } = await setup();
    const discount = await offer("too_expensive", { kind: "discount", discountPercent: 20, discountOrders: 2 });
    const { subscription } = await acceptSaveOffer(db, actor, id, { offerId: discount.id, reason: "too_expensive" }, NOW, {
      send: mailbox().send,
    });
    expect(subscription.discount).toEqual({ percent: 20, ordersLeft: 2 });
    // Cycles 1, 2 and 3 (monthly from Jan 31, 09:00 New York), generated one by one as they fall due.
    for (const at of ["2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z", "2027-05-01T00:00:00Z"]) {
      const made = await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date(at)));
      expect(made).toHaveLength(1);
    }
    // One more (generateForSubscriptions makes the next cycle whatever its date): still full price.
    await db.transaction((tx) => generateForSubscriptions(tx, [id], new Date("2027-05-01T00:00:00Z")));
    const orders = (await ordersOf(db, id)).sort((a, b) => a.cycleIndex! - b.cycleIndex!);
    expect(orders.map((o) => [o.cycleIndex, Number(o.subtotalMinor), Number(o.discountMinor), Number(o.totalMinor)])).toEqual([
      [0, 4800, 0, 4800], // created before the offer
      [1, 4800, 960, 3840],
      [2, 4800, 960, 3840],
      [3, 4800, 0, 4800],
      [4, 4800, 0, 4800],
    ]);
    expect(await subscriptionRow(db, id)).toMatchObject({ discountPercent: null, discountOrdersLeft: 0 });
    const generated = (await auditActions(db, id)).filter((a) => a.action === "cycle_generated");
    expect(generated.map((a) => (a.data as { discountPercent?: number }).discountPercent ?? null)).toEqual([null, 20, 20, null, null]);
  });

  it("every audit action written here is in the vocabulary", async () => {
    const { seen, unlisted } = await auditVocabularyOf(getDb());
    expect(seen).toEqual(expect.arrayContaining(["save_offer_shown", "save_offer_accepted", "save_offer_declined", "cancelled"]));
    expect(unlisted).toEqual([]);
  });
});
