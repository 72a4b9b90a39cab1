import { Suspense } from "react";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in · Arbiter" };

export default function SignInPage() {
  return (
    <main className="mx-auto mt-24 max-w-sm px-4">
      <h1 className="mb-1 text-2xl font-semibold">Sign in to Arbiter</h1>
      <p className="mb-6 text-sm text-slate-600">Human preference data for RLHF.</p>
      <Suspense>
        <SignInForm />
      </Suspense>
    </main>
  );
}
