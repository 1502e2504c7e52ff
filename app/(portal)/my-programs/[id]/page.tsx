import { ProgramJoin } from "@/components/programs/portal/program-join";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function PortalProgramPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("subscriptions:own");
  return <ProgramJoin programId={(await params).id} />;
}
