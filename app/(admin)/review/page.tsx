import { ReviewQueue } from "@/components/review/review-queue";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function ReviewPage() {
  await requirePageActor("workflows:review");
  return (
    <>
      <PageHeader title="Review queue" description="Orders a workflow routed to a person. Approve to continue, reject to stop them." />
      <ReviewQueue />
    </>
  );
}
