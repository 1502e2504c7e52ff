/**
 * What other domains may use of the workflow runtime (its runtime/ folder is internal): intake
 * cancels a channel-cancelled order through it and sends the runtime's events after commit.
 */
export { cancelOrderExternally } from "./runtime/cancel-order";
export type { RuntimeEvent } from "./runtime/runtime-steps";
export { sendAfterCommit } from "./runtime/submit-review-decision";
