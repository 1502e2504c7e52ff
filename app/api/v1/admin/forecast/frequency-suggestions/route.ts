import { getDb } from "@/db/client";
import { frequencySuggestionsReport } from "@/server/forecast/frequency-suggestions-report";
import { withAuth } from "@/server/http/handler";

export const dynamic = "force-dynamic";

/** Subscribers whose reorder rhythm (one-off orders of the product) differs from their frequency, with evidence. */
export const GET = withAuth("forecast:read", async () => ({ rows: await frequencySuggestionsReport(getDb()) }));
