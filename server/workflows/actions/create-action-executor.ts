import "server-only";
import { mapLimit } from "@/server/lib/map-limit";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { releaseOrderStock, releaseStock } from "@/server/orders/release-stock";
import { reserveOrderStock, reserveStock } from "@/server/orders/reserve-stock";
import { authorizeOrderPayments } from "@/server/payments/authorize-payments";
import { captureOrderPayments } from "@/server/payments/capture-payments";
import type { PaymentGateway } from "@/server/payments/gateway";
import { authorizeOrderPayment, captureOrderPayment, type PaymentResult } from "@/server/payments/order-payment";
import type { SendEmail } from "@/server/notifications/send-email";
import { type ActionExecutor, type ActionInput, type ActionResult, fail, ok } from "./action-result";
import { notifyCustomer } from "./notify-customer";
import type { RuntimeSettings } from "./runtime-settings";
import { taxCustomsCheck, taxCustomsChecks } from "./tax-customs-check";
import { postWebhook } from "./webhook-action";

export type ActionDeps = { db: Database; gateway: PaymentGateway; sendEmail: SendEmail; settings: RuntimeSettings; fetch?: typeof fetch };

const fromPayment = (r: PaymentResult): ActionResult =>
  r.ok ? ok({ ref: r.ref, reused: r.reused }) : fail(r.transient ? `gateway_error:${r.code}` : `declined:${r.code}`, r.retryable);

async function orderSummary(db: Database, orderId: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  const lines = await db
    .select({
      sku: orderLines.sku,
      quantity: orderLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      reservedQuantity: orderLines.reservedQuantity,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId));
  return order ? { order, lines } : null;
}

/**
 * The real action implementations, by type. Each is idempotent per order (payments reuse the
 * authorization, stock reserves only the remainder, notices dedupe) so retries and duplicate
 * deliveries are safe. Exceptions become retryable failures: a bug or an outage in one action
 * follows its retry policy and fallback instead of failing the whole Inngest run.
 */
export function createActionExecutor(deps: ActionDeps): ActionExecutor {
  const { db, gateway, settings } = deps;
  const visitKey = (i: ActionInput) => `order-${i.orderId}-${i.seq}-${i.action.id}`;

  const run = async (i: ActionInput): Promise<ActionResult> => {
    const a = i.action;
    switch (a.type) {
      case "authorize_payment":
        return fromPayment(await authorizeOrderPayment(db, gateway, { orderId: i.orderId, idempotencyKey: i.idempotencyKey, now: i.now }));
      case "capture_payment":
        return fromPayment(await captureOrderPayment(db, gateway, { orderId: i.orderId, idempotencyKey: i.idempotencyKey, now: i.now }));
      case "reserve_inventory": {
        const r = await reserveOrderStock(db, i.orderId, i.now);
        return r.ok ? ok({ reservedNow: r.reservedNow }) : fail(`insufficient_stock:${r.short.map((s) => s.sku).join(",")}`);
      }
      case "release_inventory":
        return ok(await releaseOrderStock(db, i.orderId, i.now));
      case "tax_customs_check": {
        const s = await orderSummary(db, i.orderId);
        if (!s) return fail("order_not_found", false);
        return taxCustomsCheck({
          address: s.order.shippingAddress ?? null,
          homeCountry: settings.homeCountry,
          blockedCountries: settings.blockedCountries,
          lines: s.lines,
        });
      }
      case "webhook": {
        const params = a.params;
        const secret = settings.webhookSecret(params.secretName);
        if (!secret) return fail(`unknown_secret:${params.secretName}`, false);
        const s = await orderSummary(db, i.orderId);
        if (!s) return fail("order_not_found", false);
        const payload = {
          type: "order.workflow_action",
          orderId: i.orderId,
          orderNumber: s.order.number,
          state: i.stateId,
          actionId: a.id,
          workflowVersionId: i.versionId,
          attempt: i.attempt,
          sentAt: i.now.toISOString(),
          order: {
            channel: s.order.channel,
            currency: s.order.currency,
            totalMinor: s.order.totalMinor,
            shippingAddress: s.order.shippingAddress,
            lines: s.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })),
          },
        };
        return postWebhook({
          url: params.url,
          payload,
          secret,
          idempotencyKey: visitKey(i),
          timeoutMs: settings.webhookTimeoutMs,
          fetch: deps.fetch,
        });
      }
      case "notify": {
        const params = a.params;
        return notifyCustomer(db, deps.sendEmail, {
          orderId: i.orderId,
          template: params.template,
          channel: params.channel,
          stateLabel: i.stateLabel,
          dedupeKey: visitKey(i),
          appUrl: settings.appUrl,
        });
      }
      case "require_approval":
        // Approvals are waits, handled by the runtime itself (runOrderState), never executed.
        return fail("approval_is_not_executable", false);
    }
  };

  const execute = async (i: ActionInput): Promise<ActionResult> => {
    try {
      return await run(i);
    } catch (e) {
      console.error(`[workflow] action ${i.action.id} (${i.action.type}) threw for order ${i.orderId}`, e);
      return fail(`internal_error:${e instanceof Error ? e.name : "unknown"}`);
    }
  };

  /** Set-based versions of the quick actions; the others run per order, `parallelism` at a time. */
  const runMany = async (inputs: readonly ActionInput[], parallelism: number): Promise<ActionResult[]> => {
    const type = inputs[0]!.action.type;
    const ids = inputs.map((i) => i.orderId);
    const now = inputs[0]!.now;
    const requests = inputs.map((i) => ({ orderId: i.orderId, idempotencyKey: i.idempotencyKey, now: i.now }));
    switch (type) {
      case "authorize_payment":
        return (await authorizeOrderPayments(db, gateway, requests, { parallelism })).map(fromPayment);
      case "capture_payment":
        return (await captureOrderPayments(db, gateway, requests, { parallelism })).map(fromPayment);
      case "reserve_inventory": {
        const results = await reserveStock(db, ids, now);
        return ids.map((id) => {
          const r = results.get(id)!;
          return r.ok ? ok({ reservedNow: r.reservedNow }) : fail(`insufficient_stock:${r.short.map((s) => s.sku).join(",")}`);
        });
      }
      case "release_inventory": {
        const units = await releaseStock(db, ids, now);
        return ids.map((id) => ok({ units: units.get(id) ?? 0 }));
      }
      case "tax_customs_check": {
        const results = await taxCustomsChecks(db, ids, settings);
        return ids.map((id) => results.get(id) ?? fail("order_not_found", false));
      }
      default:
        return mapLimit(inputs, parallelism, execute);
    }
  };

  return {
    execute,
    async executeMany(inputs, opts) {
      if (inputs.length === 0) return [];
      try {
        return await runMany(inputs, opts.parallelism);
      } catch (e) {
        // Every order of the set fails this try (retryable): each one's durable run retries it alone.
        console.error(`[workflow] action ${inputs[0]!.action.id} (${inputs[0]!.action.type}) threw for ${inputs.length} orders`, e);
        return inputs.map(() => fail(`internal_error:${e instanceof Error ? e.name : "unknown"}`));
      }
    },
  };
}
