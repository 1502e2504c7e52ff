import { ConnectionsPanel } from "@/components/intake/connections-panel";
import { IntakeConsole } from "@/components/intake/intake-console";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";
import { channelSchema } from "@/server/intake/adapters/canonical-order";

export default async function IntakePage({ searchParams }: { searchParams: Promise<{ channel?: string }> }) {
  await requirePageActor("intake:manage");
  const channel = channelSchema.safeParse((await searchParams).channel);
  return (
    <>
      <PageHeader
        title="Order intake"
        description="Connected stores and their health, orders arriving from each channel: dead letters by reason, fixes and replays, validation settings."
      />
      <div className="flex flex-col gap-8">
        <ConnectionsPanel />
        <IntakeConsole initialChannel={channel.success ? channel.data : undefined} />
      </div>
    </>
  );
}
