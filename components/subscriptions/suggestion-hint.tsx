"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Frequency } from "@/server/schedule/frequencies";
import { frequencyLabel } from "./format";
import { suggestionQuery } from "./queries";

/**
 * "You reorder this about every 2 weeks" from the customer's past one-off orders. Pre-selects
 * the suggestion until the customer picks a frequency themselves; offers it as a button after.
 */
export function SuggestionHint({
  productId,
  current,
  autoApply,
  onApply,
}: {
  productId: string;
  current: Frequency | null;
  autoApply: boolean;
  onApply: (f: Frequency) => void;
}) {
  const { data } = useQuery(suggestionQuery(productId));
  const suggested = data?.frequency ?? null;
  useEffect(() => {
    if (suggested && autoApply) onApply(suggested);
  }, [suggested, autoApply, onApply]);
  if (!suggested || !data) return null;
  return (
    <p className="mt-3 flex flex-wrap items-center gap-2 rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-700" role="status">
      Based on your last {data.basedOnOrders} orders, you reorder this about {frequencyLabel(suggested).toLowerCase()}.
      {current !== suggested && (
        <button type="button" className="font-medium underline" onClick={() => onApply(suggested)}>
          Use {frequencyLabel(suggested)}
        </button>
      )}
    </p>
  );
}
