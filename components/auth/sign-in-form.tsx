"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { safeCallbackUrl } from "@/server/auth/safe-callback-url";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { SIGN_IN_MESSAGES } from "./sign-in-messages";

/**
 * A real POST form to next-auth's credentials callback, carrying next-auth's CSRF token: it
 * signs in before hydration or with JavaScript off (next-auth redirects back here with
 * `?error=` on a wrong password). Once hydrated, the same form signs in without a reload of
 * the page on failure. Never a GET: the password must not end up in a URL or a log.
 */
export function SignInForm({ csrfToken, callbackUrl, initialError }: { csrfToken: string; callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError(SIGN_IN_MESSAGES.failed);
      return;
    }
    // A full navigation so server components see the new session cookie; same origin only.
    window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  return (
    <form method="post" action="/api/auth/callback/credentials" onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Email">{(p) => <Input {...p} name="email" type="email" autoComplete="email" required />}</Field>
      <Field label="Password" error={error}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
