import Link from "next/link";
import type { SessionUser } from "@/server/services/users/session-user";
import { SignOutButton } from "./sign-out-button";

export function AppHeader({ user }: { user: SessionUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-2">
        <nav className="flex items-center gap-4 text-sm" aria-label="Main">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Arbiter
          </Link>
          {user.role === "admin" && <Link href="/admin">Campaigns</Link>}
          {user.role === "admin" && <Link href="/admin/models">Models</Link>}
          <Link href="/campaigns">Annotate</Link>
          <Link href="/settings/tokens">Settings</Link>
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-slate-600" data-testid="signed-in-as">
            {user.email} · {user.role}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
