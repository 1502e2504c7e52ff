/** The channels an order can arrive through (server/intake/adapters has one adapter per channel). */
export const CHANNELS = ["shopify", "woocommerce", "bigcommerce", "api", "amazon"] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Lifecycle of a stored intake payload (the transition table is in server/intake/intake-status.ts
 * and docs/intake-governance.md).
 */
export const INTAKE_STATUSES = ["received", "accepted", "duplicate", "ignored", "rejected", "dead_lettered", "superseded"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

/** What an accepted payload did to its order. */
export const INTAKE_ACTIONS = ["created", "status_advanced", "cancelled", "refunded"] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];

/** How a payload reached intake: posted by the channel, or pulled by reconciliation (server/intake/connectors). */
export const INTAKE_SOURCES = ["webhook", "reconciliation"] as const;
export type IntakeSource = (typeof INTAKE_SOURCES)[number];
