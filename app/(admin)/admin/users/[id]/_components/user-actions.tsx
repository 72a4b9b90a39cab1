"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RouterOutputs } from "@/app/_trpc/types";
import { useTRPC } from "@/app/_trpc/client";
import { formatTime } from "../../_components/format-time";

type Details = RouterOutputs["user"]["byId"];

export function UserActions({ user }: { user: Details }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const [resetLink, setResetLink] = useState<{ url: string; expiresAt: Date } | null>(null);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.user.byId.queryKey({ userId: user.id }) }),
      queryClient.invalidateQueries({ queryKey: trpc.user.list.queryKey() }),
    ]);
  const onError = (e: { message: string }) => setMessage({ text: e.message, error: true });
  const update = useMutation(trpc.user.update.mutationOptions({ onSuccess: refresh, onError }));
  const signOut = useMutation(
    trpc.user.signOutEverywhere.mutationOptions({
      onSuccess: () => setMessage({ text: `Every session of ${user.email} has ended.` }),
      onError,
    }),
  );
  const reset = useMutation(
    trpc.user.createResetLink.mutationOptions({
      onSuccess: (link) =>
        setResetLink({ url: `${window.location.origin}${link.path}`, expiresAt: link.expiresAt }),
      onError,
    }),
  );
  const busy = update.isPending || signOut.isPending || reset.isPending;
  const otherRole = user.role === "admin" ? "annotator" : "admin";

  function change(changes: { role?: "admin" | "annotator"; disabled?: boolean }, done: string) {
    setMessage(null);
    update.mutate({ userId: user.id, changes }, { onSuccess: () => setMessage({ text: done }) });
  }

  return (
    <section className="card h-fit space-y-4 text-sm" aria-labelledby="user-actions-heading">
      <h2 id="user-actions-heading" className="font-semibold">
        Manage
      </h2>
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            if (
              window.confirm(
                `Make ${user.email} ${otherRole === "admin" ? "an admin" : "an annotator"}? Their sessions end.`,
              )
            ) {
              change(
                { role: otherRole },
                `${user.email} is now ${otherRole === "admin" ? "an admin" : "an annotator"}.`,
              );
            }
          }}
        >
          Make {otherRole}
        </button>
        {user.disabled ? (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => change({ disabled: false }, `${user.email} is enabled.`)}
          >
            Enable
          </button>
        ) : (
          <button
            type="button"
            className="btn border-red-300 text-red-800 hover:bg-red-50"
            disabled={busy}
            onClick={() => {
              if (
                window.confirm(
                  `Disable ${user.email}? Every session ends and every API token is revoked.`,
                )
              ) {
                change(
                  { disabled: true },
                  `${user.email} is disabled; sessions ended, tokens revoked.`,
                );
              }
            }}
          >
            Disable
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Sign ${user.email} out on every device?`)) {
              setMessage(null);
              signOut.mutate({ userId: user.id });
            }
          }}
        >
          Sign out everywhere
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy}
          onClick={() => {
            setMessage(null);
            reset.mutate({ userId: user.id });
          }}
        >
          Password reset link
        </button>
      </div>
      {message && (
        <p
          role={message.error ? "alert" : "status"}
          className={message.error ? "text-red-700" : ""}
        >
          {message.text}
        </p>
      )}
      {resetLink && (
        <div className="space-y-1 rounded bg-amber-50 p-2 text-amber-900">
          <p>
            Give this link to {user.email} over a trusted channel. It works once, until{" "}
            {formatTime(resetLink.expiresAt)}:
          </p>
          <input
            readOnly
            aria-label="Reset link"
            className="input font-mono text-xs"
            value={resetLink.url}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn"
            onClick={() => void navigator.clipboard.writeText(resetLink.url)}
          >
            Copy
          </button>
        </div>
      )}
    </section>
  );
}
