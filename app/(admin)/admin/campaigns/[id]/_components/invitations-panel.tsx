"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

/** Single-use, expiring links for people who have no account yet. */
export function InvitationsPanel({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.invitation.list.queryOptions({ campaignId }));
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey({ campaignId }) });
  const create = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async (created) => {
        // The token exists only in this reply; the server keeps its hash.
        setLink(`${window.location.origin}/invite/${created.token}`);
        setCopied(false);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSuccess: refresh }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("days") || 7);
    create.mutate({
      campaignId,
      email: String(form.get("only_for") ?? "").trim() || undefined,
      expires_in_hours: Math.max(1, Math.round(days * 24)),
    });
  }

  return (
    <div className="mt-4 border-t border-slate-100 pt-3 text-sm">
      <h3 className="mb-2 font-semibold">Invitation links</h3>
      <form onSubmit={onSubmit} className="grid gap-2 sm:grid-cols-[1fr_8rem_auto] sm:items-end">
        <label className="font-medium">
          Only for this address (optional)
          <input name="only_for" type="email" className="input mt-1" />
        </label>
        <label className="font-medium">
          Valid for (days)
          <input
            name="days"
            type="number"
            min={0.05}
            max={30}
            step="any"
            defaultValue={7}
            className="input mt-1"
          />
        </label>
        <button type="submit" className="btn" disabled={create.isPending}>
          Create invitation link
        </button>
      </form>
      {create.error && (
        <p role="alert" className="mt-2 text-red-700">
          {create.error.message}
        </p>
      )}
      {link && (
        <div className="mt-2 flex items-end gap-2">
          <label className="flex-1 font-medium">
            Invitation link (shown once; works once)
            <input
              readOnly
              value={link}
              className="input mt-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <button
            type="button"
            className="btn"
            onClick={() => {
              void navigator.clipboard?.writeText(link).then(() => setCopied(true));
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      )}
      <ul className="mt-3 divide-y divide-slate-100" aria-label="Invitations">
        {list.data?.map((inv) => (
          <li key={inv.id} className="flex items-center justify-between gap-2 py-1.5">
            <span>
              {inv.email ?? "anyone with the link"} ·{" "}
              <span data-testid="invitation-state">{inv.state}</span>
              {inv.state === "used" && inv.usedByEmail && ` by ${inv.usedByEmail}`}
              {inv.state === "open" && ` until ${new Date(inv.expiresAt).toLocaleString()}`}
            </span>
            {inv.state === "open" && (
              <button
                type="button"
                className="btn"
                aria-label={`Revoke invitation ${inv.email ?? "for anyone"} created ${new Date(inv.createdAt).toLocaleString()}`}
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ campaignId, invitationId: inv.id })}
              >
                Revoke
              </button>
            )}
          </li>
        ))}
        {list.data?.length === 0 && (
          <li className="py-1.5 text-slate-500">No invitation links yet.</li>
        )}
      </ul>
    </div>
  );
}
