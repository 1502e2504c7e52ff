import { OrderDetail } from "@/components/orders-admin/order-detail";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageActor("orders:read_all");
  const { id } = await params;
  return <OrderDetail orderId={id} />;
}
