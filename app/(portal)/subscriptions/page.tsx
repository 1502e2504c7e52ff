import { PageHeader } from "@/components/ui/card";

export default function SubscriptionsPage() {
  return <PageHeader title="Your subscriptions" />;
}
