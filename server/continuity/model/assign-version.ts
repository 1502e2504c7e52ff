import type { AssignmentRule, Program } from "./program-schema";
import type { ValidationIssue } from "./validation-issue";

export interface CustomerForAssignment {
  id: string;
  /** e.g. { region: "EU", tier: "gold" }; a missing attribute matches no `equals`. */
  attributes: Readonly<Record<string, string | undefined>>;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const utf8 = new TextEncoder();

/** 32-bit FNV-1a over UTF-8 bytes: tiny, stable across runtimes, easy to reproduce in SQL/BI. */
export function fnv1a32(input: string): number {
  let hash = FNV_OFFSET;
  for (const byte of utf8.encode(input)) {
    hash ^= byte;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * The customer's split bucket, 0–99. Keyed on customer AND program so one customer isn't
 * in the "first 10%" of every experiment; the ":" keeps ("ab","c") and ("a","bc") apart.
 * Deterministic (no Math.random) so re-running assignment, or previewing it, agrees.
 */
export function splitBucket(customerId: string, programId: string): number {
  return fnv1a32(`${customerId}:${programId}`) % 100;
}

/** Version a new subscriber gets: the first matching rule wins, else the default version. */
export function assignVersion(program: Pick<Program, "id" | "assignmentRules" | "defaultVersionId">, customer: CustomerForAssignment): string {
  for (const rule of program.assignmentRules) {
    if (rule.when && customer.attributes[rule.when.attribute] !== rule.when.equals) continue;
    if (!("split" in rule)) return rule.versionId;
    const bucket = splitBucket(customer.id, program.id);
    let upTo = 0;
    for (const share of rule.split) {
      upTo += share.percent;
      if (bucket < upTo) return share.versionId;
    }
    // Only reachable when percents sum below 100, which validation rejects; fall through safely.
  }
  return program.defaultVersionId;
}

export function assignmentRuleIssues(rules: readonly AssignmentRule[], versionIds: readonly string[]): ValidationIssue[] {
  const known = new Set(versionIds);
  const issues: ValidationIssue[] = [];
  const unknown = (id: string) => `Unknown series version "${id}"`;
  let catchAll: number | null = null;
  rules.forEach((rule, index) => {
    if (catchAll !== null) {
      issues.push({ path: ["assignmentRules", index], message: `Unreachable: rule #${catchAll + 1} already assigns everyone` });
    }
    if (!("split" in rule)) {
      if (!known.has(rule.versionId)) issues.push({ path: ["assignmentRules", index, "versionId"], message: unknown(rule.versionId) });
      return;
    }
    const seen = new Set<string>();
    rule.split.forEach((share, j) => {
      if (!known.has(share.versionId)) issues.push({ path: ["assignmentRules", index, "split", j, "versionId"], message: unknown(share.versionId) });
      else if (seen.has(share.versionId))
        issues.push({ path: ["assignmentRules", index, "split", j, "versionId"], message: "Version listed twice in one split" });
      seen.add(share.versionId);
    });
    const total = rule.split.reduce((sum, share) => sum + share.percent, 0);
    if (total !== 100) issues.push({ path: ["assignmentRules", index, "split"], message: `Split percents must add up to 100 (now ${total})` });
    if (!rule.when && catchAll === null) catchAll = index;
  });
  return issues;
}
