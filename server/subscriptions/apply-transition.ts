/**
 * Moved to ./transition (the only writer of subscription status). Kept only for
 * server/subscriptions/order-now.ts, which the orders branch rewrites; delete once it imports
 * ./transition.
 */
export { applyTransition, auditSubscription, type AuditActor } from "./transition";
