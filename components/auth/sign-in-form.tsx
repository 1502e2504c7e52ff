"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { safeCallbackUrl } from "@/server/auth/safe-callback-url";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

export function SignInForm() {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (!res || res.error) {
      setPending(false);
      setError("Email or password is incorrect");
      return;
    }
    // A full navigation so server components see the new session cookie; same origin only.
    const callbackUrl = new URLSearchParams(window.location.search).get("callbackUrl");
    window.location.assign(safeCallbackUrl(callbackUrl, window.location.origin));
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Email">{(p) => <Input {...p} name="email" type="email" autoComplete="email" required />}</Field>
      <Field label="Password" error={error}>
        {(p) => <Input {...p} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? "Signing in…" : "Sign in"}</Button>
    </form>
  );
}
