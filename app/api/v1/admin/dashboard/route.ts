import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { getDashboard } from "@/server/workflows/queries/get-dashboard";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** Monitoring: orders per state, throughput, time in state, action rates, review queue, versions, dead letters. */
export const GET = withAuth("dashboard:read", async () => reply(workflowRoutes.dashboard.response, await getDashboard(getDb(), new Date())));
