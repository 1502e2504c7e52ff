/** What a one-click link in a reminder email can do (server/subscriptions/email-action-token.ts). */
export const EMAIL_ACTIONS = ["skip", "delay_week", "order_now"] as const;
export type EmailAction = (typeof EMAIL_ACTIONS)[number];
