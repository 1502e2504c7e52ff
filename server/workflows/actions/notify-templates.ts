/** What a `notify` action (or dunning) tells the customer, by template name. */
export type NotifyContext = { orderNumber: number; orderId: string; customerName: string; stateLabel: string; appUrl: string };
export type RenderedNotice = { kind: string; title: string; body: string; link: string };

type Template = (c: NotifyContext) => Omit<RenderedNotice, "kind">;

const orderLink = (c: NotifyContext) => `/orders/${c.orderId}`;

const TEMPLATES: Record<string, Template> = {
  payment_failed: (c) => ({
    title: `We couldn't take payment for order #${c.orderNumber}`,
    body:
      `Hi ${c.customerName}, your card was declined for order #${c.orderNumber}. ` +
      `We'll try again over the next few days; to ship sooner, update your payment method.`,
    link: orderLink(c),
  }),
  subscription_paused_dunning: (c) => ({
    title: "Your subscription is paused",
    body:
      `Hi ${c.customerName}, we couldn't take payment for order #${c.orderNumber} after several tries, ` +
      `so we paused your subscription. Update your payment method and resume it any time.`,
    link: "/subscriptions",
  }),
  order_shipped: (c) => ({
    title: `Order #${c.orderNumber} is on its way`,
    body: `Hi ${c.customerName}, order #${c.orderNumber} has shipped.`,
    link: orderLink(c),
  }),
};

/**
 * Renders a template. Unknown names (a designer may type anything) fall back to a plain
 * status update rather than failing the action: a notice is best-effort by nature.
 */
export function renderNotice(template: string, c: NotifyContext): RenderedNotice {
  const t =
    TEMPLATES[template] ??
    ((x: NotifyContext) => ({
      title: `Update on order #${x.orderNumber}`,
      body: `Hi ${x.customerName}, order #${x.orderNumber} is now: ${x.stateLabel}.`,
      link: orderLink(x),
    }));
  return { kind: `order_${template}`, ...t(c) };
}

export const NOTIFY_TEMPLATE_NAMES = Object.keys(TEMPLATES);
