import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/server/auth/page-actor";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("subscriptions:own");
  return (
    <AppShell role={actor.role} email={actor.email}>
      {children}
    </AppShell>
  );
}
