"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(trpc.user.resetPassword.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    const repeat = String(form.get("repeat") ?? "");
    setMismatch(password !== repeat);
    if (password === repeat) reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <p role="status" className="card text-sm">
        Your password is set.{" "}
        <Link href="/sign-in" className="text-indigo-700 underline">
          Sign in
        </Link>{" "}
        with {reset.data.email}.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="card space-y-4">
      <label className="block text-sm font-medium">
        New password (at least 8 characters)
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          maxLength={256}
          required
          autoFocus
          className="input mt-1"
        />
      </label>
      <label className="block text-sm font-medium">
        Repeat it
        <input
          name="repeat"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
          className="input mt-1"
        />
      </label>
      {(mismatch || reset.isError) && (
        <p role="alert" className="text-sm text-red-700">
          {mismatch ? "The two passwords differ." : reset.error?.message}
        </p>
      )}
      <button
        type="submit"
        className="btn btn-primary w-full justify-center"
        disabled={reset.isPending}
      >
        {reset.isPending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
