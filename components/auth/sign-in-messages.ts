/** Sign-in messages shared by the server-rendered page and the client form. */
export const SIGN_IN_MESSAGES = {
  failed: "Email or password is incorrect",
  expired: "The sign-in form expired. Please try again.",
  codeFailed: "That code is wrong or has expired. Check the latest email, or ask for a new code.",
  invalidEmail: "Enter a valid email address",
  codeSent: "If this email has an account, a 6-digit code is on its way. It works once, for a few minutes.",
} as const;
