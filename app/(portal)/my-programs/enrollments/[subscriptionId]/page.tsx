import { EnrollmentTimeline } from "@/components/programs/portal/enrollment-timeline";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function EnrollmentPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  await requirePageActor("subscriptions:own");
  return <EnrollmentTimeline subscriptionId={(await params).subscriptionId} />;
}
