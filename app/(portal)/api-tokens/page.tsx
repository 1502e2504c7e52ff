import { ApiTokenManager } from "@/components/subscriptions/api-token-manager";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "API tokens — Replen" };

export default function ApiTokensPage() {
  return (
    <>
      <PageHeader title="API tokens" description="Manage your subscriptions from scripts and other apps with the REST API." />
      <ApiTokenManager />
    </>
  );
}
