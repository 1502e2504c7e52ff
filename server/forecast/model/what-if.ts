import { stateOnRevision } from "@/server/continuity/state-on-revision";
import type { Program, Substitution } from "@/server/continuity/model";
import { programKey, type BookEnrollment, type BookProduct, type ForecastCatalog } from "./book";
import type { DemandForecast, PeriodTotals } from "./demand";

/** A change not yet published, applied to a copy of the facts only. */
export interface WhatIfDraft {
  /** New catalog prices (what generated lines would be priced at). */
  prices?: ReadonlyArray<{ productId: string; priceMinor: number }>;
  /** A new substitution calendar for one program (every revision of it). */
  substitutions?: { programId: string; substitutions: Substitution[] };
  /** A draft revision of a program, applied to its enrollments as the workbench "apply" does. */
  programRevision?: { programId: string; program: Program };
  /** The default workflow's approval threshold (orders with total > it wait for review). */
  approvalThresholdMinor?: number;
}

/** The catalog with the draft applied; the input is not touched. */
export function applyDraftToCatalog(catalog: ForecastCatalog, draft: WhatIfDraft): ForecastCatalog {
  let products = catalog.products;
  if (draft.prices?.length) {
    const copy = new Map<string, BookProduct>(products);
    for (const { productId, priceMinor } of draft.prices) {
      const p = copy.get(productId);
      if (p) copy.set(productId, { ...p, priceMinor });
    }
    products = copy;
  }
  let programs = catalog.programs;
  if (draft.substitutions || draft.programRevision) {
    const copy = new Map<string, Program>();
    for (const [key, program] of programs) {
      let p = program;
      if (draft.programRevision && p.id === draft.programRevision.programId) p = { ...draft.programRevision.program, id: p.id };
      if (draft.substitutions && p.id === draft.substitutions.programId) p = { ...p, substitutions: draft.substitutions.substitutions };
      copy.set(key, p);
    }
    programs = copy;
  }
  return { ...catalog, products, programs };
}

/** An enrollment as the draft revision would carry it on (state moved onto the new definition). */
export function applyDraftToEnrollment(e: BookEnrollment, draft: WhatIfDraft, catalog: ForecastCatalog): BookEnrollment {
  if (!draft.programRevision || e.programId !== draft.programRevision.programId) return e;
  const program = catalog.programs.get(programKey(e.programId, e.revision));
  return program ? { ...e, state: stateOnRevision(program, e.state) } : e;
}

export interface SkuDifference {
  productId: string;
  sku: string;
  name: string;
  base: number[];
  draft: number[];
  delta: number[];
}

export interface WeekDifference {
  start: string;
  base: PeriodTotals;
  draft: PeriodTotals;
}

export interface ForecastDifference {
  skus: SkuDifference[];
  weekly: WeekDifference[];
}

/** Side by side: units per SKU, orders, revenue and approvals per week, base vs draft. */
export function diffForecasts(base: DemandForecast, draft: DemandForecast): ForecastDifference {
  const weeks = base.weeks;
  const zero = () => new Array<number>(weeks).fill(0);
  const byId = new Map<string, SkuDifference>();
  const entry = (s: { productId: string; sku: string; name: string }) => {
    let d = byId.get(s.productId);
    if (!d) byId.set(s.productId, (d = { productId: s.productId, sku: s.sku, name: s.name, base: zero(), draft: zero(), delta: zero() }));
    return d;
  };
  for (const s of base.skus) entry(s).base = [...s.weekly];
  for (const s of draft.skus) entry(s).draft = [...s.weekly];
  for (const d of byId.values()) d.delta = d.draft.map((v, w) => v - d.base[w]!);
  return {
    skus: [...byId.values()].sort((a, b) => a.sku.localeCompare(b.sku)),
    weekly: base.weekly.map((b, w) => ({ start: b.start, base: b, draft: draft.weekly[w]! })),
  };
}
