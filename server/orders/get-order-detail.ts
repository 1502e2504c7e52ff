import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLog, customers, orderActionAttempts, orderLines, orders, payments, users, workflowVersions, workflows } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";

/**
 * An order's page: the order, its lines, payment, pinned version, and its timeline from the
 * audit trail (every transition with guard, inputs, version, attempts and who acted — user
 * actors resolved to email) plus every action try.
 */
export async function getOrderDetail(db: DbOrTx, orderId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) throw notFound("Order");
  const [row] = await db
    .select({ order: orders, customerName: customers.name, customerEmail: customers.email })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.id, orderId));
  if (!row) throw notFound("Order");
  const [lines, timeline, attempts, [payment], [version]] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.sku)),
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        fromState: auditLog.fromState,
        toState: auditLog.toState,
        actorType: auditLog.actorType,
        actorId: auditLog.actorId,
        actorEmail: users.email,
        data: auditLog.data,
      })
      .from(auditLog)
      .leftJoin(users, sql`${auditLog.actorType} = 'user' AND ${users.id}::text = ${auditLog.actorId}`)
      .where(sql`${auditLog.entityType} = 'order' AND ${auditLog.entityId} = ${orderId}`)
      .orderBy(asc(auditLog.at), asc(auditLog.id)),
    db
      .select()
      .from(orderActionAttempts)
      .where(eq(orderActionAttempts.orderId, orderId))
      .orderBy(asc(orderActionAttempts.at), asc(orderActionAttempts.id)),
    db
      .select({
        status: payments.status,
        amountMinor: payments.amountMinor,
        currency: payments.currency,
        gateway: payments.gateway,
        ref: payments.ref,
        authorizedAt: payments.authorizedAt,
        capturedAt: payments.capturedAt,
      })
      .from(payments)
      .where(eq(payments.orderId, orderId)),
    row.order.workflowVersionId === null
      ? Promise.resolve([])
      : db
          .select({ versionId: workflowVersions.id, version: workflowVersions.version, workflowId: workflows.id, workflow: workflows.name })
          .from(workflowVersions)
          .innerJoin(workflows, eq(workflows.id, workflowVersions.workflowId))
          .where(eq(workflowVersions.id, row.order.workflowVersionId)),
  ]);
  return {
    order: { ...row.order, customerName: row.customerName, customerEmail: row.customerEmail },
    lines,
    payment: payment ?? null,
    workflow: version ?? null,
    timeline,
    attempts,
  };
}
