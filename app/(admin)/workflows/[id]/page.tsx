import type { Metadata } from "next";
import { WorkflowDesigner } from "@/components/workflows/workflow-designer";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata: Metadata = { title: "Workflow designer — Replen" };

export default async function WorkflowDesignerPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("workflows:write");
  const { id } = await params;
  return <WorkflowDesigner workflowId={id} />;
}
