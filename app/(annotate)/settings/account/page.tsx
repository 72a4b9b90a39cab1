import Link from "next/link";
import { AccountForms } from "./account-forms";

export const metadata = { title: "Account · Arbiter" };

export default function AccountPage() {
  return (
    <section aria-labelledby="account-heading" className="max-w-xl space-y-4">
      <div>
        <h1 id="account-heading" className="mb-1 text-xl font-semibold">
          Account
        </h1>
        <p className="text-sm text-slate-600">
          Your password and sessions. API tokens are under{" "}
          <Link href="/settings/tokens" className="underline">
            API tokens
          </Link>
          .
        </p>
      </div>
      <AccountForms />
    </section>
  );
}
