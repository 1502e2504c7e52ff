import { ForecastView } from "@/components/forecast/forecast-view";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/server/auth/page-actor";

export default async function ForecastPage() {
  await requirePageActor("forecast:read");
  return (
    <>
      <PageHeader
        title="Forecast"
        description="What the subscription book will produce: generation replayed on a copy of today's facts, in each customer's time zone."
      />
      <ForecastView />
    </>
  );
}
