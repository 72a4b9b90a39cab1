import Link from "next/link";
import { ApiTokens } from "./api-tokens";

export const metadata = { title: "API tokens · Arbiter" };

export default function TokensPage() {
  return (
    <section aria-labelledby="tokens-heading" className="max-w-3xl">
      <h1 id="tokens-heading" className="mb-1 text-xl font-semibold">
        API tokens
      </h1>
      <p className="mb-4 text-sm text-slate-600">
        A token lets a script use the REST API as you, with your role: send it as{" "}
        <code>Authorization: Bearer …</code>. See the{" "}
        <Link href="/api/v1/docs" className="underline">
          API docs
        </Link>
        . Password and sessions are under{" "}
        <Link href="/settings/account" className="underline">
          Account
        </Link>
        .
      </p>
      <ApiTokens />
    </section>
  );
}
