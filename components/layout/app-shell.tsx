import Link from "next/link";
import type { ReactNode } from "react";
import { AdminBell } from "@/components/notifications/admin-bell";
import { UnreadBadge } from "@/components/notifications/unread-badge";
import type { Role } from "@/db/vocabulary/roles";
import { SignOutButton } from "./sign-out-button";

const NAV: Record<Role, Array<{ href: string; label: string }>> = {
  customer: [
    { href: "/subscriptions", label: "Subscriptions" },
    { href: "/subscriptions/new", label: "New subscription" },
    { href: "/orders", label: "Orders" },
    { href: "/addresses", label: "Addresses" },
    { href: "/my-programs", label: "Programs" },
    { href: "/notifications", label: "Notifications" },
  ],
  merchandiser: [
    { href: "/programs", label: "Programs" },
    { href: "/workbench", label: "Workbench" },
    { href: "/save-offers", label: "Save offers" },
    { href: "/product-swaps", label: "Product swaps" },
    { href: "/forecast", label: "Forecast" },
    { href: "/dashboard", label: "Dashboard" },
  ],
  admin: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/workflows", label: "Workflows" },
    { href: "/review", label: "Review queue" },
    { href: "/intake", label: "Intake" },
    { href: "/programs", label: "Programs" },
    { href: "/workbench", label: "Workbench" },
    { href: "/save-offers", label: "Save offers" },
    { href: "/product-swaps", label: "Product swaps" },
    { href: "/forecast", label: "Forecast" },
  ],
};

export function AppShell({ role, email, children }: { role: Role; email: string; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-6 px-4 py-3">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            Replen
          </Link>
          <nav aria-label="Main" className="flex flex-1 gap-4 text-sm">
            {NAV[role].map((item) => (
              <Link key={item.href} href={item.href} className="text-slate-600 hover:text-slate-900">
                {item.label}
                {role === "customer" && item.href === "/notifications" && <UnreadBadge />}
              </Link>
            ))}
          </nav>
          {role !== "customer" && <AdminBell />}
          <span className="text-xs text-slate-500" data-testid="whoami">
            {email} · {role}
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
