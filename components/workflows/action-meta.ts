import type { ActionType, StateKind } from "@/server/workflows/model";

export type ActionCategory = "payment" | "inventory" | "message" | "check";

/** Colour per category: nodes and palette use it so a state's kind of work reads at a glance. */
export const CATEGORY_STYLE: Record<ActionCategory, { dot: string; text: string }> = {
  payment: { dot: "bg-emerald-500", text: "text-emerald-700" },
  inventory: { dot: "bg-sky-500", text: "text-sky-700" },
  message: { dot: "bg-violet-500", text: "text-violet-700" },
  check: { dot: "bg-amber-500", text: "text-amber-700" },
};

/** Palette and node wording for each action type (the model's ids stay machine-readable). */
export const ACTION_META: Record<ActionType, { label: string; hint: string; category: ActionCategory }> = {
  authorize_payment: { label: "Authorize payment", hint: "Place a hold on the customer's payment method", category: "payment" },
  capture_payment: { label: "Capture payment", hint: "Charge the authorized amount", category: "payment" },
  reserve_inventory: { label: "Reserve inventory", hint: "Hold stock for every line", category: "inventory" },
  release_inventory: { label: "Release inventory", hint: "Give held stock back", category: "inventory" },
  webhook: { label: "Webhook", hint: "POST the order to a URL, signed with a named secret", category: "message" },
  notify: { label: "Notify customer", hint: "Send an email or in-app message", category: "message" },
  tax_customs_check: { label: "Tax & customs check", hint: "Screen the order for tax and customs issues", category: "check" },
  require_approval: { label: "Require approval", hint: "Wait for a person to approve (needs a timeout)", category: "check" },
};

export const KIND_META: Record<StateKind, { badge: string; className: string }> = {
  initial: { badge: "Start", className: "bg-brand-100 text-brand-700" },
  normal: { badge: "Step", className: "bg-slate-100 text-slate-600" },
  terminal: { badge: "End", className: "bg-slate-800 text-white" },
};

/** Events the runtime knows about, offered as suggestions for event triggers. */
export const KNOWN_EVENTS = ["order/shipped", "inventory/restocked", "payment/method_updated"] as const;
