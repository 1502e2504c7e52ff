import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/server/auth/page-actor";

export const dynamic = "force-dynamic";

/** Staff area; each page additionally requires its own permission. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor("dashboard:read");
  return (
    <AppShell role={actor.role} email={actor.email}>
      {children}
    </AppShell>
  );
}
