import { AddressBook } from "@/components/addresses/address-book";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "Addresses — Replen" };

export default function AddressesPage() {
  return (
    <>
      <PageHeader
        title="Addresses"
        description="Where your subscriptions ship. Each subscription has its own address, and any one delivery can go elsewhere."
      />
      <AddressBook />
    </>
  );
}
