import { ProgramBrowser } from "@/components/programs/portal/program-browser";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function PortalProgramsPage() {
  await requirePageActor("subscriptions:own");
  return (
    <>
      <PageHeader title="Programs" description="A different item in every shipment, in a planned series." />
      <ProgramBrowser />
    </>
  );
}
