import { Dashboard } from "@/components/dashboard/dashboard";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function DashboardPage() {
  await requirePageActor("dashboard:read");
  return (
    <>
      <PageHeader title="Dashboard" description="Orders in flight, throughput and exceptions." />
      <Dashboard />
    </>
  );
}
