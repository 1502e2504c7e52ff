/** Why an order exists. `subscription` orders carry (subscription_id, cycle_index). */
export const ORDER_KINDS = ["subscription", "order_now", "one_off", "intake"] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
