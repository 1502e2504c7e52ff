import { assignmentRuleIssues } from "./assign-version";
import type { Program } from "./program-schema";
import { slotCount } from "./slots";
import { substitutionIssues } from "./substitutions";
import type { ValidationIssue } from "./validation-issue";

/**
 * Rules that relate fields of a program; `programSchema` reports them as field errors.
 * Zod can run this on data whose single fields already failed, so nothing here may throw.
 */
export function programIssues(program: Program): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: ValidationIssue["path"], message: string) => issues.push({ path, message });

  const seenIds = new Set<string>();
  program.versions.forEach((version, v) => {
    if (seenIds.has(version.id)) add(["versions", v, "id"], `Duplicate version id "${version.id}"`);
    seenIds.add(version.id);
    // Numbers are what merchandisers and customers see ("event 4"); gaps or reordering would lie.
    version.series.forEach((event, e) => {
      if (event.eventNumber !== e + 1)
        add(["versions", v, "series", e, "eventNumber"], `Events are numbered 1, 2, 3… in ship order: expected ${e + 1}`);
    });
  });
  if (!seenIds.has(program.defaultVersionId)) add(["defaultVersionId"], `Unknown series version "${program.defaultVersionId}"`);

  // Standing and current_event both read the program calendar ("which period is it?").
  const needsCalendar = program.type === "standing" || program.startRule === "current_event";
  const why = program.type === "standing" ? "Standing programs" : "The current_event start rule";
  if (needsCalendar && program.seriesStartDate === null) add(["seriesStartDate"], `${why} need a series start date`);
  if (needsCalendar && program.period === null) add(["period"], `${why} need a period`);
  if (program.type === "standing" && program.startRule !== "current_event") {
    add(["startRule"], "Standing programs ship the period's event to everyone: the start rule must be current_event");
  }

  if (program.payment.schedule !== "per_shipment") {
    const limit = prepaidShipmentLimit(program);
    if (limit === null) {
      add(["payment", "schedule"], "Upfront and installment billing need a finite series: set max child orders or use a regular program");
    } else if (program.payment.schedule === "installments" && program.payment.installments > limit) {
      add(["payment", "installments"], `At most ${limit} installments: there are only ${limit} shipments to bill them on`);
    }
  }

  issues.push(
    ...assignmentRuleIssues(
      program.assignmentRules,
      program.versions.map((v) => v.id),
    ),
  );
  issues.push(...substitutionIssues(program.substitutions));
  return issues;
}

/** Fewest shipments any first_event subscriber receives; `null` when the series never ends. */
function prepaidShipmentLimit(program: Program): number | null {
  // Empty series already have their own error; Infinity (no versions) just means "no limit to report".
  const lengths = program.versions.map((v) => slotCount(v.series)).filter((n) => n > 0);
  const shortest = program.type === "perpetual" ? null : Math.min(...lengths);
  if (shortest === null) return program.maxChildOrders;
  return program.maxChildOrders === null ? shortest : Math.min(shortest, program.maxChildOrders);
}
