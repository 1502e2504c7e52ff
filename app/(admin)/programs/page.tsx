import { ProgramsList } from "@/components/programs/programs-list";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function ProgramsPage() {
  await requirePageActor("programs:write");
  return (
    <>
      <PageHeader title="Continuity programs" description="Series of items shipped in order." />
      <ProgramsList />
    </>
  );
}
