import Link from "next/link";
import { SignInForm } from "@/components/auth/sign-in-form";

export default function SignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">Replen</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Sign in to manage recurring orders.</p>
        <SignInForm />
        <p className="mt-4 text-sm text-slate-600">New here? <Link className="text-brand-700 underline" href="/signup">Create an account</Link></p>
      </div>
    </main>
  );
}
