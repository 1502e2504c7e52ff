import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { productKindEnum, products, programEnrollments, programFlags, programRevisions, programs, subscriptions } from "@/db/schema";
import { getProgramOrThrow, loadSubstitutions } from "./load-program";
import type { Substitution } from "./model";
import type { DraftDefinition, ProgramStatus } from "./program-definition";

export interface ProgramSummary {
  id: string;
  name: string;
  status: ProgramStatus;
  currentRevision: number | null;
  type: DraftDefinition["type"];
  sku: string;
  priceMinor: number;
  currency: string;
  activeSubscriptions: number;
  openFlags: number;
  updatedAt: string;
}

/** Staff list: every program with its counts, newest changes first. */
export async function listPrograms(db: DbOrTx): Promise<ProgramSummary[]> {
  const rows = await db
    .select({
      id: programs.id,
      name: programs.name,
      status: programs.status,
      currentRevision: programs.currentRevision,
      draft: programs.draft,
      sku: products.sku,
      priceMinor: products.priceMinor,
      currency: products.currency,
      updatedAt: programs.updatedAt,
      activeSubscriptions: sql<number>`(SELECT count(*)::int FROM ${programEnrollments} e JOIN ${subscriptions} s ON s.id = e.subscription_id
      WHERE e.program_id = ${programs.id} AND s.status IN ('active', 'paused'))`,
      openFlags: sql<number>`(SELECT count(*)::int FROM ${programFlags} f WHERE f.program_id = ${programs.id} AND f.status = 'open')`,
    })
    .from(programs)
    .innerJoin(products, eq(products.id, programs.parentProductId))
    .orderBy(desc(programs.updatedAt));
  return rows.map(({ draft, updatedAt, ...r }) => ({ ...r, type: draft.type, updatedAt: updatedAt.toISOString() }));
}

export interface ProgramDetail {
  id: string;
  name: string;
  description: string;
  status: ProgramStatus;
  currentRevision: number | null;
  parent: { id: string; sku: string; priceMinor: number; currency: string };
  draft: DraftDefinition;
  substitutions: Substitution[];
  revisions: Array<{ revision: number; publishedAt: string }>;
}

export async function getProgramDetail(db: DbOrTx, programId: string): Promise<ProgramDetail> {
  const program = await getProgramOrThrow(db, programId);
  const [parent] = await db
    .select({ id: products.id, sku: products.sku, priceMinor: products.priceMinor, currency: products.currency })
    .from(products)
    .where(eq(products.id, program.parentProductId));
  const revisions = await db
    .select({ revision: programRevisions.revision, publishedAt: programRevisions.publishedAt })
    .from(programRevisions)
    .where(eq(programRevisions.programId, programId))
    .orderBy(asc(programRevisions.revision));
  return {
    id: program.id,
    name: program.name,
    description: program.description,
    status: program.status,
    currentRevision: program.currentRevision,
    parent: parent!,
    draft: program.draft,
    substitutions: await loadSubstitutions(db, programId),
    revisions: revisions.map((r) => ({ revision: r.revision, publishedAt: r.publishedAt.toISOString() })),
  };
}

type Kind = (typeof productKindEnum.enumValues)[number];
export interface CatalogItem {
  id: string;
  sku: string;
  name: string;
  kind: Kind;
  priceMinor: number;
}

/** What a series can ship: real items and phantoms (never program parents). */
export async function listSeriesProducts(db: DbOrTx): Promise<CatalogItem[]> {
  return db
    .select({ id: products.id, sku: products.sku, name: products.name, kind: products.kind, priceMinor: products.priceMinor })
    .from(products)
    .where(and(inArray(products.kind, ["standard", "phantom"])))
    .orderBy(asc(products.kind), asc(products.name));
}
