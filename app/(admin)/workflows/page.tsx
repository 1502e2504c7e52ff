import { PageHeader } from "@/components/ui/card";
import { WorkflowList } from "@/components/workflows/workflow-list";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function WorkflowsPage() {
  await requirePageActor("workflows:write");
  return (
    <>
      <PageHeader title="Workflows" description="Design how orders move from creation to fulfilment." />
      <WorkflowList />
    </>
  );
}
