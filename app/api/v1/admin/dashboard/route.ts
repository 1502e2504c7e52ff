import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { getDashboard } from "@/server/workflows/queries/get-dashboard";

/** Monitoring: orders per state, throughput, time in state, action rates, review queue, versions, dead letters. */
export const GET = withAuth("dashboard:read", async () => getDashboard(getDb(), new Date()));
