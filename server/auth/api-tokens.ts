import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { hashToken } from "./actor";
import { notFound } from "../errors/app-error";
import type { ApiTokenDto } from "@/server/subscriptions/subscription-dto.schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";

const PREFIX = "rpl_";

/**
 * Creates a personal API token for `Authorization: Bearer`. Only its SHA-256 hash is stored;
 * the plain token is returned once and can't be shown again.
 */
export async function createApiToken(db: DbOrTx, userId: string, name: string, now: Date): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const token = PREFIX + randomBytes(32).toString("base64url");
  const [row] = await db
    .insert(apiTokens)
    .values({ userId, name, tokenHash: hashToken(token), createdAt: now })
    .returning();
  if (!row) throw new Error("token insert returned no row");
  return { token, apiToken: toDto(row) };
}

export async function listApiTokens(db: DbOrTx, userId: string): Promise<ApiTokenDto[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(toDto);
}

export async function revokeApiToken(db: DbOrTx, userId: string, id: string): Promise<void> {
  if (!isUuid(id)) throw notFound("Token");
  const rows = await db
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId)))
    .returning({ id: apiTokens.id });
  if (rows.length === 0) throw notFound("Token");
}

function toDto(row: typeof apiTokens.$inferSelect): ApiTokenDto {
  return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: row.lastUsedAt?.toISOString() ?? null };
}
