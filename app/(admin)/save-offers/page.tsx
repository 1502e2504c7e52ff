import { SaveOfferEditor } from "@/components/save-offers/save-offer-editor";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export const metadata = { title: "Save offers — Replen" };

export default async function SaveOffersPage() {
  await requirePageActor("save_offers:write");
  return (
    <>
      <PageHeader
        title="Save offers"
        description="What a cancelling customer is offered for the reason they pick. Declining is always one click; each subscription can take an offer once."
      />
      <SaveOfferEditor />
    </>
  );
}
