import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";

export default function SignUpPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold text-brand-700">Create your account</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Set up recurring deliveries in under a minute.</p>
        <SignUpForm />
        <p className="mt-4 text-sm text-slate-600">
          Already have an account?{" "}
          <Link className="text-brand-700 underline" href="/signin">
            Sign in
          </Link>
        </p>
      </div>
    </main>
  );
}
