/** Sign-in messages shared by the server-rendered page and the client form. */
export const SIGN_IN_MESSAGES = {
  failed: "Email or password is incorrect",
  expired: "The sign-in form expired. Please try again.",
} as const;
