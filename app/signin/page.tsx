import { headers } from "next/headers";
import Link from "next/link";
import { SignInCodeForm } from "@/components/auth/sign-in-code-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SIGN_IN_MESSAGES } from "@/components/auth/sign-in-messages";
import { CSRF_HEADER } from "@/server/auth/csrf-cookie";
import { safeCallbackUrl } from "@/server/auth/safe-callback-url";
import { env } from "@/server/env";

type SearchParams = Promise<{
  callbackUrl?: string | string[];
  error?: string | string[];
  csrf?: string | string[];
  method?: string | string[];
  email?: string | string[];
}>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  // The proxy put next-auth's CSRF token here (and its cookie on the response), so the
  // server-rendered form can POST without JavaScript.
  const csrfToken = (await headers()).get(CSRF_HEADER) ?? "";
  // Same-origin only, as a path: the form hands it to next-auth, whose redirect callback checks it again.
  const safe = new URL(safeCallbackUrl(first(query.callbackUrl), env().APP_URL));
  const callbackUrl = safe.pathname + safe.search + safe.hash;
  // next-auth sends a failed no-JS sign-in back here with ?error=CredentialsSignin (or csrf=true).
  const initialError = first(query.csrf) ? SIGN_IN_MESSAGES.expired : first(query.error) ? SIGN_IN_MESSAGES.failed : undefined;
  const byCode = first(query.method) === "code";
  const codeEmail = first(query.email)?.slice(0, 254) ?? null;
  const codeError = first(query.error) === "InvalidEmail" ? SIGN_IN_MESSAGES.invalidEmail : undefined;
  const switchTo = (method: "code" | "password") => `/signin?${new URLSearchParams({ ...(method === "code" ? { method } : {}), callbackUrl })}`;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">Replen</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to manage recurring orders.</p>
        {byCode ? (
          <SignInCodeForm csrfToken={csrfToken} callbackUrl={callbackUrl} email={codeEmail} initialError={codeError} />
        ) : (
          <SignInForm csrfToken={csrfToken} callbackUrl={callbackUrl} initialError={initialError} />
        )}
        <p className="mt-4 text-sm">
          <Link className="text-brand-700 underline" href={switchTo(byCode ? "password" : "code")}>
            {byCode ? "Use your password instead" : "Email me a sign-in code instead"}
          </Link>
        </p>
        <p className="mt-4 text-sm text-slate-600">
          New here?{" "}
          <Link className="text-brand-700 underline" href="/signup">
            Create an account
          </Link>
        </p>
      </div>
    </main>
  );
}
