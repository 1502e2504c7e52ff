import { z } from "zod";
import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { listOrders } from "@/server/orders/list-orders";

const querySchema = z.object({ state: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

/** Staff: every customer's orders. */
export const GET = withAuth("orders:read_all", async ({ req }) => {
  const query = parseQuery(req, querySchema);
  return { orders: await listOrders(getDb(), query) };
});
