/** What the cancel flow's confirmation emails say. Pure: no I/O, easy to test. */
export interface CancelEmailFacts {
  customerName: string;
  productName: string;
  subscriptionUrl: string;
}

export function cancelledEmail(f: CancelEmailFacts) {
  return {
    subject: `Your ${f.productName} subscription is cancelled`,
    text: [
      `Hi ${f.customerName},`,
      "",
      `Your subscription to ${f.productName} is cancelled. No further orders will be created or charged.`,
      "Orders placed before the cancellation are not affected.",
      "",
      `Your subscription: ${f.subscriptionUrl}`,
    ].join("\n"),
  };
}

export function offerAcceptedEmail(f: CancelEmailFacts & { offer: string }) {
  return {
    subject: `Your ${f.productName} subscription continues`,
    text: [
      `Hi ${f.customerName},`,
      "",
      `You chose to keep your subscription to ${f.productName}: ${f.offer.replace(/ instead$/, "")}.`,
      "",
      `See what's next or change it any time: ${f.subscriptionUrl}`,
    ].join("\n"),
  };
}
