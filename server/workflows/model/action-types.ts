export const ACTION_TYPES = [
  "authorize_payment",
  "capture_payment",
  "reserve_inventory",
  "release_inventory",
  "webhook",
  "notify",
  "tax_customs_check",
  "require_approval",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * Actions whose silent failure would lose money, stock or an integration's consistency.
 * Validation makes a missing `onFailure` an error for these (a warning for the rest,
 * which are treated as best-effort at runtime).
 */
export const CRITICAL_ACTION_TYPES = [
  "authorize_payment",
  "capture_payment",
  "reserve_inventory",
  "release_inventory",
  "webhook",
] as const satisfies readonly ActionType[];

export function isCriticalAction(type: ActionType): boolean {
  return (CRITICAL_ACTION_TYPES as readonly ActionType[]).includes(type);
}
