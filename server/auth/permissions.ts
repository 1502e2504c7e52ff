import type { Role } from "@/db/vocabulary/roles";

/** Every permission a route or action may require. */
export const PERMISSIONS = [
  "subscriptions:own", // read and change one's own subscriptions, orders, notifications
  "catalog:read",
  "programs:write",
  "subscriptions:bulk_update",
  "workflows:write",
  "workflows:review", // approve / reject orders in manual review
  "orders:read_all",
  "orders:operate", // send events to an order (e.g. mark shipped)
  "intake:manage",
  "dashboard:read",
  "forecast:read", // demand forecast, time travel, what-if, frequency suggestions (#16)
  "save_offers:write", // the cancel flow's save offers per reason (#13)
  "product_swaps:write", // which products subscribers of a product may swap to (#13)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The role → permission table. Customers never get an `*_all` permission. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  customer: ["subscriptions:own", "catalog:read"],
  // workflows:review: the default workflow's review transitions are merchandiser transitions.
  merchandiser: [
    "catalog:read",
    "programs:write",
    "subscriptions:bulk_update",
    "orders:read_all",
    "orders:operate",
    "workflows:review",
    "dashboard:read",
    "forecast:read",
    "save_offers:write",
    "product_swaps:write",
  ],
  admin: [
    "catalog:read",
    "programs:write",
    "subscriptions:bulk_update",
    "workflows:write",
    "workflows:review",
    "orders:read_all",
    "orders:operate",
    "intake:manage",
    "dashboard:read",
    "forecast:read",
    "save_offers:write",
    "product_swaps:write",
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Where each role lands after signing in. */
export const LANDING: Record<Role, string> = {
  customer: "/subscriptions",
  merchandiser: "/programs",
  admin: "/dashboard",
};
