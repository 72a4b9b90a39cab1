"use client";

import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

type Mode = "sign-up" | "sign-in";

/**
 * Three ways through an open invitation: join as the signed-in user, create an account (then
 * sign in with it), or sign in with an existing account and join. The server uses the link once.
 */
export function InviteForms(props: {
  token: string;
  campaignId: string;
  invitedEmail: string | null;
  signedInAs: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("sign-up");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const signUp = useMutation(trpc.invitation.signUp.mutationOptions());
  const accept = useMutation(trpc.invitation.accept.mutationOptions());

  function goToCampaign() {
    router.replace(`/campaigns/${props.campaignId}`);
    router.refresh();
  }

  async function run(work: () => Promise<void>) {
    setPending(true);
    setError(null);
    try {
      await work();
      goToCampaign();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  }

  async function credentialsSignIn(email: string, password: string) {
    const result = await signIn("credentials", { email, password, redirect: false });
    if (!result || result.error) throw new Error("Wrong email or password.");
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    if (mode === "sign-up") {
      if (password !== String(form.get("confirm") ?? "")) {
        setError("The two passwords differ.");
        return;
      }
      void run(async () => {
        await signUp.mutateAsync({
          token: props.token,
          email,
          password,
          name: String(form.get("name") ?? "") || undefined,
        });
        await credentialsSignIn(email, password);
      });
    } else {
      void run(async () => {
        await credentialsSignIn(email, password);
        await accept.mutateAsync({ token: props.token });
      });
    }
  }

  const alert = error && (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  );

  if (props.signedInAs) {
    return (
      <div className="card space-y-4 text-sm">
        <p>
          You are signed in as <strong>{props.signedInAs}</strong>.
        </p>
        {alert}
        <button
          type="button"
          className="btn btn-primary w-full justify-center"
          disabled={pending}
          onClick={() =>
            void run(async () => void (await accept.mutateAsync({ token: props.token })))
          }
        >
          {pending ? "Joining…" : "Join campaign"}
        </button>
      </div>
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      className="card space-y-4"
      aria-label={mode === "sign-up" ? "Create your account" : "Sign in to join"}
    >
      <h2 className="font-semibold">
        {mode === "sign-up" ? "Create your account" : "Sign in to join"}
      </h2>
      <label className="block text-sm font-medium">
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={props.invitedEmail ?? ""}
          className="input mt-1"
        />
      </label>
      {mode === "sign-up" && (
        <label className="block text-sm font-medium">
          Your name (optional)
          <input name="name" autoComplete="name" maxLength={120} className="input mt-1" />
        </label>
      )}
      <label className="block text-sm font-medium">
        Password{mode === "sign-up" && " (at least 8 characters)"}
        <input
          name="password"
          type="password"
          autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
          minLength={mode === "sign-up" ? 8 : undefined}
          required
          className="input mt-1"
        />
      </label>
      {mode === "sign-up" && (
        <label className="block text-sm font-medium">
          Repeat the password
          <input
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            className="input mt-1"
          />
        </label>
      )}
      {alert}
      <button type="submit" className="btn btn-primary w-full justify-center" disabled={pending}>
        {pending
          ? "One moment…"
          : mode === "sign-up"
            ? "Create account and join"
            : "Sign in and join"}
      </button>
      <button
        type="button"
        className="text-sm text-indigo-700 underline"
        onClick={() => {
          setMode(mode === "sign-up" ? "sign-in" : "sign-up");
          setError(null);
        }}
      >
        {mode === "sign-up" ? "I already have an account" : "I need a new account"}
      </button>
    </form>
  );
}
