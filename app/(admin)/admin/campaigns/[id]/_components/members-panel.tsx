"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { InvitationsPanel } from "./invitations-panel";

export function MembersPanel({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.campaign.members.queryOptions({ campaignId }));
  const [message, setMessage] = useState<string | null>(null);
  const add = useMutation(
    trpc.campaign.addMember.mutationOptions({
      onSuccess: async (added, _vars) => {
        setMessage(
          added.alreadyMember
            ? `${added.email} is already a member.`
            : `Added ${added.email}${added.createdAccount ? " (new annotator account)" : ""}.`,
        );
        await queryClient.invalidateQueries({
          queryKey: trpc.campaign.members.queryKey({ campaignId }),
        });
      },
      onError: (e) => setMessage(e.message),
    }),
  );

  const refreshMembers = () =>
    queryClient.invalidateQueries({ queryKey: trpc.campaign.members.queryKey({ campaignId }) });
  const setMemberStatus = useMutation(
    trpc.campaign.setMemberStatus.mutationOptions({
      onSuccess: refreshMembers,
      onError: (e) => setMessage(e.message),
    }),
  );
  const remove = useMutation(
    trpc.campaign.removeMember.mutationOptions({
      onSuccess: refreshMembers,
      onError: (e) => setMessage(e.message),
    }),
  );
  const busy = setMemberStatus.isPending || remove.isPending;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const password = String(form.get("password") ?? "");
    setMessage(null);
    add.mutate(
      { campaignId, email: String(form.get("email") ?? ""), password: password || undefined },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading" className="mb-3 font-semibold">
        Annotators
      </h2>
      <form
        onSubmit={onSubmit}
        className="grid gap-2 text-sm sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <label className="font-medium">
          Email
          <input name="email" type="email" required className="input mt-1" />
        </label>
        <label className="font-medium">
          Password (new accounts only)
          <input
            name="password"
            type="password"
            minLength={8}
            autoComplete="new-password"
            className="input mt-1"
          />
        </label>
        <button type="submit" className="btn btn-primary" disabled={add.isPending}>
          Add annotator
        </button>
      </form>
      {message && (
        <p role="status" className="mt-2 text-sm">
          {message}
        </p>
      )}
      <ul className="mt-3 divide-y divide-slate-100 text-sm" aria-label="Members">
        {members.data?.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
            <span>{m.email}</span>
            <span className="flex items-center gap-2 text-slate-500">
              {m.status} · {m.submitted} submitted
              <button
                type="button"
                className="btn"
                aria-label={`${m.status === "paused" ? "Resume" : "Pause"} ${m.email}`}
                disabled={busy}
                onClick={() =>
                  setMemberStatus.mutate({
                    campaignId,
                    userId: m.userId,
                    status: m.status === "paused" ? "active" : "paused",
                  })
                }
              >
                {m.status === "paused" ? "Resume" : "Pause"}
              </button>
              <button
                type="button"
                className="btn"
                aria-label={`Remove ${m.email}`}
                disabled={busy}
                onClick={() => {
                  if (
                    window.confirm(`Remove ${m.email} from this campaign? Their judgements stay.`)
                  ) {
                    remove.mutate({ campaignId, userId: m.userId });
                  }
                }}
              >
                Remove
              </button>
            </span>
          </li>
        ))}
        {members.data?.length === 0 && (
          <li className="py-1.5 text-slate-500">No annotators yet.</li>
        )}
      </ul>
      <InvitationsPanel campaignId={campaignId} />
    </section>
  );
}
