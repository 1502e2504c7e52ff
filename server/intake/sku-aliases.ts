import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { auditLog, intakePayloads, intakeSkuAliases, products } from "@/db/schema";
import type { Actor } from "../auth/actor";
import { invalid, notFound } from "../errors/app-error";
import type { SkuAliasInput } from "./intake-admin.schema";

export async function listSkuAliases(db: DbOrTx) {
  return db.select().from(intakeSkuAliases).orderBy(asc(intakeSkuAliases.channel), asc(intakeSkuAliases.fromSku));
}

/**
 * Adds (or repoints) the mapping rule "on this channel, SKU `from` is our `to`". `to` must be a
 * sellable product. Applies to every payload processed from now on, replays included; returns
 * the open dead letters of the channel that carry `from`, so the admin can replay them.
 */
export async function saveSkuAlias(db: Database, input: SkuAliasInput, actor: Actor, opts: { now: Date }) {
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ sellable: products.sellable }).from(products).where(eq(products.sku, input.toSku));
    if (!target) throw invalid({ toSku: `No product has SKU ${input.toSku}` });
    if (!target.sellable) throw invalid({ toSku: `${input.toSku} is not sellable` });
    const [alias] = await tx
      .insert(intakeSkuAliases)
      .values({ channel: input.channel, fromSku: input.fromSku, toSku: input.toSku, createdBy: actor.userId, createdAt: opts.now })
      .onConflictDoUpdate({
        target: [intakeSkuAliases.channel, intakeSkuAliases.fromSku],
        set: { toSku: input.toSku, createdBy: actor.userId, createdAt: opts.now },
      })
      .returning();
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "intake_rule",
      entityId: `sku_alias:${alias!.id}`,
      action: "sku_alias_saved",
      at: opts.now,
      data: { channel: input.channel, fromSku: input.fromSku, toSku: input.toSku },
    });
    const affected = await tx
      .select({ id: intakePayloads.id })
      .from(intakePayloads)
      .where(
        and(
          eq(intakePayloads.channel, input.channel),
          eq(intakePayloads.status, "dead_lettered"),
          sql`${intakePayloads.canonical} -> 'lines' @> ${JSON.stringify([{ sku: input.fromSku }])}::jsonb`,
        ),
      );
    return { alias: alias!, affectedPayloadIds: affected.map((a) => a.id) };
  });
}

export async function deleteSkuAlias(db: Database, id: number, actor: Actor, opts: { now: Date }) {
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(intakeSkuAliases).where(eq(intakeSkuAliases.id, id)).returning();
    if (!removed) throw notFound("SKU alias");
    await tx.insert(auditLog).values({
      actorType: "user",
      actorId: actor.userId,
      entityType: "intake_rule",
      entityId: `sku_alias:${id}`,
      action: "sku_alias_deleted",
      at: opts.now,
      data: { channel: removed.channel, fromSku: removed.fromSku, toSku: removed.toSku },
    });
    return { deleted: id };
  });
}
