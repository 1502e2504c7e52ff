/** What a reminder says, as email and as in-app notification. Pure: no I/O, easy to test. */
export interface ReminderFacts {
  subscriptionId: string;
  customerName: string;
  productName: string;
  quantity: number;
  dueAt: Date;
  timeZone: string;
  appUrl: string;
  /** Signed one-click links (server/subscriptions/email-action-links.ts); they work without signing in. */
  oneClick: { skip: string; delay_week: string; order_now: string };
}

export function reminderLinks(f: Pick<ReminderFacts, "subscriptionId" | "appUrl" | "oneClick">) {
  const edit = `${f.appUrl.replace(/\/$/, "")}/subscriptions/${f.subscriptionId}`;
  return { skip: f.oneClick.skip, delayWeek: f.oneClick.delay_week, orderNow: f.oneClick.order_now, edit };
}

/** The order date as the customer reads it, in the subscription's zone ("Sunday, February 28, 2027"). */
export function customerDate(dueAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone }).format(dueAt);
}

export function reminderEmail(f: ReminderFacts) {
  const links = reminderLinks(f);
  const when = customerDate(f.dueAt, f.timeZone);
  const item = `${f.quantity} × ${f.productName}`;
  const subject = `Your next order of ${f.productName} is on ${when}`;
  const text = [
    `Hi ${f.customerName},`,
    "",
    `Your next subscription order (${item}) will be placed on ${when}.`,
    "",
    `Skip this delivery: ${links.skip}`,
    `Delay it one week: ${links.delayWeek}`,
    `Order now: ${links.orderNow}`,
    `Edit your subscription: ${links.edit}`,
    "",
    "The first three links work without signing in, once, until the order is placed.",
  ].join("\n");
  const html = `<p>Hi ${escapeHtml(f.customerName)},</p>
<p>Your next subscription order (${escapeHtml(item)}) will be placed on <strong>${escapeHtml(when)}</strong>.</p>
<p><a href="${escapeHtml(links.skip)}">Skip this delivery</a> · <a href="${escapeHtml(links.delayWeek)}">Delay one week</a> · <a href="${escapeHtml(links.orderNow)}">Order now</a> · <a href="${escapeHtml(links.edit)}">Edit your subscription</a></p>
<p style="color:#64748b;font-size:12px">The first three links work without signing in, once, until the order is placed.</p>`;
  return { subject, text, html };
}

export function reminderNotification(f: Omit<ReminderFacts, "appUrl" | "customerName" | "oneClick">) {
  const when = customerDate(f.dueAt, f.timeZone);
  return {
    title: `Upcoming order on ${when}`,
    body: `Your next order (${f.quantity} × ${f.productName}) will be placed on ${when}. Skip or edit it before then.`,
    /** App-relative, so the inbox works on any host. */
    link: `/subscriptions/${f.subscriptionId}`,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
