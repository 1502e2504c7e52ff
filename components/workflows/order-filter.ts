import type { OrderFilter } from "./api";

/** The bulk-operation form as typed (all text: blank means "any"). */
export type FilterForm = { state: string; versionId: string; error: string; channel: string; enteredFrom: string; enteredTo: string };
export const EMPTY_FORM: FilterForm = { state: "", versionId: "", error: "", channel: "", enteredFrom: "", enteredTo: "" };

/** The form's text as the API's filter: blanks left out, local date-times as instants. */
export function toOrderFilter(f: FilterForm): OrderFilter {
  const out: OrderFilter = {};
  if (f.state.trim()) out.state = f.state.trim();
  if (f.versionId) out.versionId = Number(f.versionId);
  if (f.error.trim()) out.error = f.error.trim();
  if (f.channel.trim()) out.channel = f.channel.trim();
  if (f.enteredFrom) out.enteredFrom = new Date(f.enteredFrom).toISOString();
  if (f.enteredTo) out.enteredTo = new Date(f.enteredTo).toISOString();
  return out;
}
