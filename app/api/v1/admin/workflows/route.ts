import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { listWorkflows } from "@/server/workflows/admin/list-workflows";

/** Workflows with their live version and orders in flight. */
export const GET = withAuth("workflows:write", async () => ({ workflows: await listWorkflows(getDb()) }));
