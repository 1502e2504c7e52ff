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
        description="Orders arriving from each channel: dead letters by reason, fixes and replays, validation settings."
      />
      <IntakeConsole initialChannel={channel.success ? channel.data : undefined} />
    </>
  );
}
