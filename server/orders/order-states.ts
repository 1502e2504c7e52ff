/**
 * Order states every domain may rely on. An order's other states come from its pinned
 * workflow definition (server/workflows); these are the ones the default workflow and the
 * code outside the workflow runtime agree on.
 */

/** The state an order is inserted in; it keeps it until its workflow pins it (orders.state default). */
export const NEW_ORDER_STATE = "created";

/** Where an order goes when cancelled from outside its workflow (a channel's cancellation). */
export const CANCELLED_STATE = "cancelled";

/** Final states whose orders left the warehouse: stock is consumed, money kept; a cancel is refused. */
export const SHIPPED_STATES: readonly string[] = ["shipped"];

/** Final states that ended the order without shipping: stock released, payment voided or refunded. */
export const CLOSED_STATES: readonly string[] = ["cancelled", "rejected"];
