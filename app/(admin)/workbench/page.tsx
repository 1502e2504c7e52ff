import { Suspense } from "react";
import { PageHeader } from "@/components/ui/card";
import { Workbench } from "@/components/workbench/workbench";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function WorkbenchPage() {
  await requirePageActor("subscriptions:bulk_update");
  return (
    <>
      <PageHeader
        title="Continuity updates workbench"
        description="Existing subscribers keep their program revision until you apply a new one here."
      />
      <Suspense>
        <Workbench />
      </Suspense>
    </>
  );
}
