import { OrderHistory } from "@/components/orders/order-history";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "Orders — Replen" };

export default function OrdersPage() {
  return (
    <>
      <PageHeader title="Your orders" description="Every order your subscriptions created, newest first." />
      <OrderHistory />
    </>
  );
}
