"use client";

import { signOut } from "@/app/_lib/sign-out";

export function SignOutButton() {
  return (
    <button type="button" className="btn" onClick={() => void signOut({ callbackUrl: "/sign-in" })}>
      Sign out
    </button>
  );
}
