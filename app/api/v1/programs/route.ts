import { getDb } from "@/db/client";
import { listActivePrograms } from "@/server/continuity/customer-programs";
import { withAuth } from "@/server/http/handler";

/** Customers: programs open for joining. */
export const GET = withAuth("subscriptions:own", async () => ({ programs: await listActivePrograms(getDb()) }));
