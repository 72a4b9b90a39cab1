"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";

export function NewCampaignForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.campaign.create.mutationOptions({
      onSuccess: async (campaign) => {
        await queryClient.invalidateQueries({ queryKey: trpc.campaign.list.queryKey() });
        router.push(`/admin/campaigns/${campaign.id}`);
      },
      onError: (e) => setError(e.message),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    create.mutate({
      name: String(form.get("name") ?? ""),
      overlap: Number(form.get("overlap") ?? 3),
      guidelines: String(form.get("guidelines") ?? ""),
      template: {
        kind: "pairwise",
        allow_tie: form.get("allow_tie") === "on",
        allow_both_bad: form.get("allow_both_bad") === "on",
      },
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm">
      <label className="block font-medium">
        Name
        <input name="name" required maxLength={200} className="input mt-1" />
      </label>
      <label className="block font-medium">
        Judgements per item (overlap)
        <input name="overlap" type="number" min={1} max={100} defaultValue={3} className="input mt-1" />
      </label>
      <fieldset className="space-y-1">
        <legend className="font-medium">Verdicts besides A or B</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allow_tie" defaultChecked /> Tie
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="allow_both_bad" defaultChecked /> Both bad
        </label>
      </fieldset>
      <label className="block font-medium">
        Guidelines (markdown)
        <textarea name="guidelines" rows={4} className="input mt-1" />
      </label>
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        Create campaign
      </button>
    </form>
  );
}
