import { PayloadDetail } from "@/components/intake/payload-detail";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function IntakePayloadPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("intake:manage");
  const { id } = await params;
  return <PayloadDetail id={id} />;
}
