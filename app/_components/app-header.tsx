import { cookies } from "next/headers";
import Link from "next/link";
import type { SessionUser } from "@/server/services/users/session-user";
import { parseTheme, THEME_COOKIE } from "./content/theme";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

export async function AppHeader({ user }: { user: SessionUser }) {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2">
        <nav className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" aria-label="Main">
          <Link href="/" className="text-base font-semibold tracking-tight">
            Arbiter
          </Link>
          {user.role === "admin" && (
            <>
              <Link href="/admin">Campaigns</Link>
              <Link href="/admin/users">Users</Link>
              <Link href="/admin/audit">Audit</Link>
              <Link href="/admin/models">Models</Link>
            </>
          )}
          <Link href="/campaigns">Annotate</Link>
          <Link href="/settings/tokens">Settings</Link>
        </nav>
        <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm">
          <span className="min-w-0 break-all text-slate-600" data-testid="signed-in-as">
            {user.email} · {user.role}
          </span>
          <ThemeToggle initial={theme} />
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
