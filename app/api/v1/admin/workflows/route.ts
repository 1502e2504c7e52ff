import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listWorkflows } from "@/server/workflows/admin/list-workflows";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** Workflows with their live version and orders in flight. */
export const GET = withAuth("workflows:write", async () => reply(workflowRoutes.list.response, { workflows: await listWorkflows(getDb()) }));
