import "server-only";

/**
 * Stock arithmetic for orders lives in server/orders (reserve-stock.ts, release-stock.ts);
 * these names stay for the workflow actions and runtime that call them.
 */
export {
  reserveOrderStock as reserveOrderInventory, reserveStock as reserveOrdersInventory,
  type ReserveResult, type ShortLine,
} from "@/server/orders/reserve-stock";
export { releaseOrderStock as releaseOrderInventory, releaseStock as releaseOrdersInventory } from "@/server/orders/release-stock";
