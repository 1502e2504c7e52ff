"use client";

import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";

type Errors = Record<string, string>;

export function SignUpForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    setPending(true);
    // The browser knows the customer's zone; every schedule is computed in it.
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const res = await fetch("/api/v1/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...form, timeZone }),
    });
    if (!res.ok) {
      const body = (await res.json()) as { error: { message: string; fields?: Errors } };
      setErrors(body.error.fields ?? { _: body.error.message });
      setPending(false);
      return;
    }
    // The answer is the same for a new and a taken email (no enumeration); only signing in tells.
    const signedIn = await signIn("credentials", { email: form.email, password: form.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setErrors({ _: "If you already have an account with this email, sign in with its password." });
      setPending(false);
      return;
    }
    // A full navigation so server components see the new session cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/subscriptions/new");
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" error={errors.name}>
        {(p) => <Input {...p} name="name" autoComplete="name" required />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="email" required />}
      </Field>
      <Field label="Password" error={errors.password} hint="At least 8 characters">
        {(p) => <Input {...p} name="password" type="password" autoComplete="new-password" required />}
      </Field>
      {errors._ && (
        <p role="alert" className="text-sm text-red-600">
          {errors._}
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating account…" : "Create account"}
      </Button>
    </form>
  );
}
