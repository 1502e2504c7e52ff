import { compareLocalDates, isLocalDate, type LocalDate } from "@/server/schedule";
import type { Substitution } from "./program-schema";
import type { ValidationIssue } from "./validation-issue";

/** Tells whether a product is a phantom ("item of the month" placeholder, never stocked). */
export type IsPhantom = (productId: string) => boolean;

export type SubstitutionResult = { productId: string; substituted: boolean } | { missing: true; phantomProductId: string };

/**
 * The product that actually ships. Real products pass through; a phantom ships the
 * substitute whose inclusive [from, to] range contains the delivery date. A phantom with
 * no substitute is reported, never shipped: it has no stock by definition.
 */
export function resolveSubstitution(
  productId: string,
  shipDate: LocalDate,
  substitutions: readonly Substitution[],
  isPhantom: IsPhantom,
): SubstitutionResult {
  if (!isPhantom(productId)) return { productId, substituted: false };
  const match = substitutions.find(
    (s) => s.phantomProductId === productId && compareLocalDates(s.from, shipDate) <= 0 && compareLocalDates(shipDate, s.to) <= 0,
  );
  return match ? { productId: match.substituteProductId, substituted: true } : { missing: true, phantomProductId: productId };
}

/**
 * Ranges must be ordered and, per phantom, must not overlap — otherwise which product ships
 * would depend on list order, which no merchandiser can see in the editor.
 */
export function substitutionIssues(substitutions: readonly Substitution[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const valid: { index: number; sub: Substitution }[] = [];
  substitutions.forEach((sub, index) => {
    if (sub.phantomProductId === sub.substituteProductId) {
      issues.push({ path: ["substitutions", index, "substituteProductId"], message: "A phantom cannot substitute itself" });
    }
    // Bad dates already carry a field error; comparing them would only add noise.
    if (!isLocalDate(sub.from) || !isLocalDate(sub.to)) return;
    if (compareLocalDates(sub.from, sub.to) > 0) {
      issues.push({ path: ["substitutions", index, "to"], message: "End date must be on or after the start date" });
      return;
    }
    valid.push({ index, sub });
  });

  // Grouped by hand: Map.groupBy is missing from Node 20, which package.json still supports.
  const byPhantom = new Map<string, { index: number; sub: Substitution }[]>();
  for (const entry of valid) {
    const group = byPhantom.get(entry.sub.phantomProductId) ?? [];
    group.push(entry);
    byPhantom.set(entry.sub.phantomProductId, group);
  }
  for (const entries of byPhantom.values()) {
    entries.sort((a, b) => compareLocalDates(a.sub.from, b.sub.from) || a.index - b.index);
    // Track the range reaching furthest so far: a short range nested in a long one still overlaps.
    let reach: { index: number; sub: Substitution } | undefined;
    for (const entry of entries) {
      if (reach && compareLocalDates(entry.sub.from, reach.sub.to) <= 0) {
        issues.push({
          path: ["substitutions", entry.index, "from"],
          message: `Overlaps substitution #${reach.index + 1} (${reach.sub.from} – ${reach.sub.to}) for the same phantom product`,
        });
      }
      if (!reach || compareLocalDates(entry.sub.to, reach.sub.to) > 0) reach = entry;
    }
  }
  return issues;
}
