import { NotificationInbox } from "@/components/notifications/notification-inbox";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "Notifications — Replen" };

export default function NotificationsPage() {
  return (
    <>
      <PageHeader title="Notifications" />
      <NotificationInbox />
    </>
  );
}
