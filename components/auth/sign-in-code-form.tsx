"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { safeCallbackUrl } from "@/server/auth/safe-callback-url";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { SIGN_IN_MESSAGES } from "./sign-in-messages";

/**
 * Passwordless sign-in in two plain forms, so it works without JavaScript like the password
 * form: (1) ask for a code (POST /api/auth/sign-in-code, which redirects back here with the
 * email), (2) enter it (POST to next-auth's `email-code` credentials callback with its CSRF
 * token). Hydrated, step 2 signs in without a reload and shows a wrong code inline.
 */
export function SignInCodeForm({
  csrfToken,
  callbackUrl,
  email,
  initialError,
}: {
  csrfToken: string;
  callbackUrl: string;
  email: string | null;
  initialError?: string;
}) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  if (!email) {
    return (
      <form method="post" action="/api/auth/sign-in-code" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field label="Email" error={error} hint="We email you a 6-digit code; no password needed.">
          {(p) => <Input {...p} name="email" type="email" autoComplete="email" required />}
        </Field>
        <Button type="submit">Email me a code</Button>
      </form>
    );
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("email-code", { email, code: form.get("code"), redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(SIGN_IN_MESSAGES.codeFailed);
      return;
    }
    window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  return (
    <form method="post" action="/api/auth/callback/email-code" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <p className="text-sm text-slate-600" role="status">
        {SIGN_IN_MESSAGES.codeSent} (<span className="font-medium">{email}</span>)
      </p>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <input type="hidden" name="email" value={email} />
      <Field label="Sign-in code" error={error}>
        {(p) => <Input {...p} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={8} required />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
