import Link from "next/link";
import { getDb } from "@/db/client";
import { checkPasswordReset } from "@/server/services/users/check-password-reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Set a new password · Arbiter" };
export const dynamic = "force-dynamic";

/** Public: whoever holds the single-use link sets the password, before it expires. */
export default async function ResetPasswordPage({
  params,
}: {
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const link = await checkPasswordReset(await getDb(), { token });
  if (!link) {
    return (
      <main className="mx-auto mt-24 max-w-md px-4">
        <h1 className="mb-3 text-2xl font-semibold">Reset link unavailable</h1>
        <p role="alert" className="card text-sm">
          This reset link is invalid, has been used or has expired. Each link works once: ask an
          admin for a new one.
        </p>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="text-indigo-700 underline">
            Go to sign in
          </Link>
        </p>
      </main>
    );
  }
  return (
    <main className="mx-auto mt-16 max-w-sm px-4">
      <h1 className="mb-1 text-2xl font-semibold">Set a new password</h1>
      <p className="mb-6 text-sm text-slate-600">
        For {link.email}. Every other session of this account will be signed out.
      </p>
      <ResetPasswordForm token={token} />
    </main>
  );
}
