import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { productKindEnum, products, programRevisions, programSubstitutions, programs } from "@/db/schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";
import { notFound } from "../errors/app-error";
import type { IsPhantom, Program, Substitution } from "./model";
import { toProgram, type ProgramDefinition } from "./program-definition";

export type ProgramRow = typeof programs.$inferSelect;
type ProductKind = (typeof productKindEnum.enumValues)[number];

export async function getProgramOrThrow(db: DbOrTx, id: string): Promise<ProgramRow> {
  if (!isUuid(id)) throw notFound("Program");
  const [row] = await db.select().from(programs).where(eq(programs.id, id));
  if (!row) throw notFound("Program");
  return row;
}

export async function loadSubstitutions(db: DbOrTx, programId: string): Promise<Substitution[]> {
  const rows = await db
    .select()
    .from(programSubstitutions)
    .where(eq(programSubstitutions.programId, programId))
    .orderBy(asc(programSubstitutions.phantomProductId), asc(programSubstitutions.fromDate));
  return rows.map((r) => ({
    phantomProductId: r.phantomProductId,
    substituteProductId: r.substituteProductId,
    from: r.fromDate,
    to: r.toDate,
  }));
}

/**
 * The model's Program for (program, revision) pairs: the published definition plus the live
 * substitutions calendar. Keyed "programId:revision".
 */
export async function loadPrograms(db: DbOrTx, pairs: ReadonlyArray<{ programId: string; revision: number }>): Promise<Map<string, Program>> {
  const result = new Map<string, Program>();
  const programIds = [...new Set(pairs.map((p) => p.programId))];
  if (programIds.length === 0) return result;
  const [revisions, subs] = await Promise.all([
    db.select().from(programRevisions).where(inArray(programRevisions.programId, programIds)),
    db.select().from(programSubstitutions).where(inArray(programSubstitutions.programId, programIds)),
  ]);
  const subsBy = new Map<string, Substitution[]>();
  for (const r of subs) {
    const list = subsBy.get(r.programId) ?? [];
    list.push({ phantomProductId: r.phantomProductId, substituteProductId: r.substituteProductId, from: r.fromDate, to: r.toDate });
    subsBy.set(r.programId, list);
  }
  const wanted = new Set(pairs.map((p) => programKey(p.programId, p.revision)));
  for (const r of revisions) {
    const key = programKey(r.programId, r.revision);
    if (wanted.has(key)) result.set(key, toProgram(r.programId, r.definition, subsBy.get(r.programId) ?? []));
  }
  return result;
}

export const programKey = (programId: string, revision: number) => `${programId}:${revision}`;

export async function loadProgramOrThrow(db: DbOrTx, programId: string, revision: number): Promise<Program> {
  const program = (await loadPrograms(db, [{ programId, revision }])).get(programKey(programId, revision));
  if (!program) throw notFound("Program revision");
  return program;
}

export async function loadRevisionDefinition(db: DbOrTx, programId: string, revision: number): Promise<ProgramDefinition | null> {
  const [row] = await db
    .select({ definition: programRevisions.definition })
    .from(programRevisions)
    .where(and(eq(programRevisions.programId, programId), eq(programRevisions.revision, revision)));
  return row?.definition ?? null;
}

export interface ProductInfo {
  id: string;
  sku: string;
  name: string;
  kind: ProductKind;
  priceMinor: number;
  currency: string;
  sellable: boolean;
}

/** Products by id (series items, substitutes), and the phantom test the model needs. */
export async function loadProducts(db: DbOrTx, ids: Iterable<string>): Promise<{ byId: Map<string, ProductInfo>; isPhantom: IsPhantom }> {
  const list = [...new Set(ids)].filter(isUuid);
  const rows =
    list.length === 0
      ? []
      : await db
          .select({
            id: products.id,
            sku: products.sku,
            name: products.name,
            kind: products.kind,
            priceMinor: products.priceMinor,
            currency: products.currency,
            sellable: products.sellable,
          })
          .from(products)
          .where(inArray(products.id, list));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { byId, isPhantom: (id) => byId.get(id)?.kind === "phantom" };
}

/** Every product a program can name: series items, phantoms, substitutes. */
export function productIdsOf(program: Pick<Program, "versions" | "substitutions">): string[] {
  return [
    ...program.versions.flatMap((v) => v.series.map((e) => e.productId)),
    ...program.substitutions.flatMap((s) => [s.phantomProductId, s.substituteProductId]),
  ];
}
