"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "@/app/_lib/sign-out";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** Both actions end this session too: the server no longer accepts it, so sign in again. */
const backToSignIn = () => void signOut({ callbackUrl: "/sign-in" });

export function AccountForms() {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation(trpc.user.changePassword.mutationOptions({ onSuccess: backToSignIn }));
  const endSessions = useMutation(
    trpc.user.signOutMine.mutationOptions({ onSuccess: backToSignIn }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const newPassword = String(form.get("new") ?? "");
    setMismatch(newPassword !== String(form.get("repeat") ?? ""));
    if (newPassword !== String(form.get("repeat") ?? "")) return;
    change.mutate({ currentPassword: String(form.get("current") ?? ""), newPassword });
  }

  return (
    <>
      <form
        onSubmit={onSubmit}
        className="card space-y-3 text-sm"
        aria-labelledby="password-heading"
      >
        <h2 id="password-heading" className="font-semibold">
          Change password
        </h2>
        <label className="block font-medium">
          Current password
          <input
            name="current"
            type="password"
            autoComplete="current-password"
            required
            className="input mt-1"
          />
        </label>
        <label className="block font-medium">
          New password (at least 8 characters)
          <input
            name="new"
            type="password"
            autoComplete="new-password"
            minLength={8}
            maxLength={256}
            required
            className="input mt-1"
          />
        </label>
        <label className="block font-medium">
          Repeat the new password
          <input
            name="repeat"
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            className="input mt-1"
          />
        </label>
        {(mismatch || change.isError) && (
          <p role="alert" className="text-red-700">
            {mismatch ? "The two new passwords differ." : change.error?.message}
          </p>
        )}
        <p className="text-slate-600">
          Every session ends, this one too: you sign in again with the new password.
        </p>
        <button type="submit" className="btn btn-primary" disabled={change.isPending}>
          Change password
        </button>
      </form>
      <section className="card space-y-3 text-sm" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading" className="font-semibold">
          Sessions
        </h2>
        <p className="text-slate-600">
          Signed in on a computer you no longer use? End every session of your account, on every
          device, this one included. API tokens keep working; revoke them separately.
        </p>
        {endSessions.isError && (
          <p role="alert" className="text-red-700">
            {endSessions.error.message}
          </p>
        )}
        <button
          type="button"
          className="btn"
          disabled={endSessions.isPending}
          onClick={() => endSessions.mutate()}
        >
          Sign out everywhere
        </button>
      </section>
    </>
  );
}
