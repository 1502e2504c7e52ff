/**
 * Pure continuity-program rules: series, start rules, opt-outs, substitutions, versions,
 * billing. No I/O and no `server-only`: generation, the portal preview and the
 * merchandiser editor all run this same code. Dates and "now" are always parameters.
 * Rules: docs/continuity.md.
 */
export {
  PAYMENT_SCHEDULES,
  PROGRAM_TYPES,
  START_RULES,
  assignmentRuleSchema,
  paymentScheduleSchema,
  seriesEventSchema,
  seriesVersionSchema,
  substitutionSchema,
} from "./program-schema";
export { programSchema } from "./validated-program";
export type {
  AssignmentRule,
  PaymentSchedule,
  PaymentScheduleKind,
  Program,
  ProgramType,
  SeriesEvent,
  SeriesVersion,
  StartRule,
  Substitution,
} from "./program-schema";
export type { ValidationIssue } from "./validation-issue";
export { programIssues } from "./program-issues";
export { expandSlots, slotCount, versionSlots } from "./slots";
export type { Slot } from "./slots";
export { periodStartDate, programPeriodIndex } from "./program-calendar";
export { advance, initialSubscriberState, optOutAdvancesPosition } from "./subscriber-state";
export type { ShipmentOutcome, SubscriberState } from "./subscriber-state";
export { resolveShipment, standingShipmentIndex } from "./resolve-shipment";
export type { ResolvedShipment, ShipmentAt } from "./resolve-shipment";
export { plannedShipmentCount } from "./planned-shipment-count";
export { shipmentDate } from "./shipment-date";
export { previewShipments } from "./preview-shipments";
export type { PreviewOptions, PreviewShipment } from "./preview-shipments";
export { generationDate } from "./generation-date";
export { resolveSubstitution, substitutionIssues } from "./substitutions";
export type { IsPhantom, SubstitutionResult } from "./substitutions";
export { findMissingSubstitutions } from "./find-missing-substitutions";
export type { MissingSubstitution } from "./find-missing-substitutions";
export { assignVersion, assignmentRuleIssues, fnv1a32, splitBucket } from "./assign-version";
export type { CustomerForAssignment } from "./assign-version";
export { retentionByVersion } from "./retention";
export type { SubscriptionOutcome, VersionRetention } from "./retention";
export { billingPlan, chargeAt } from "./billing-plan";
export type { BillingPlan, Charge } from "./billing-plan";
export { settlementOnCancel, settlementOnOptOut } from "./settlement";
export type { Settlement } from "./settlement";
