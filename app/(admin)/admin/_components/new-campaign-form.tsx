"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { TemplateEditor } from "@/app/(admin)/admin/campaigns/[id]/_components/template-editor";
import { TemplatePreview } from "@/app/(admin)/admin/campaigns/[id]/_components/template-preview";
import {
  defaultTemplate,
  type TemplateConfig,
  type TemplateKind,
} from "@/server/services/campaigns/template-config";

const KINDS: { kind: TemplateKind; label: string }[] = [
  { kind: "pairwise", label: "Pairwise: which of two responses is better" },
  { kind: "ranking", label: "Ranking: order 3–9 responses" },
  { kind: "rating", label: "Rating: score responses on attributes" },
  { kind: "steps", label: "Step labels: mark each reasoning step +1 / 0 / −1" },
];

export function NewCampaignForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [template, setTemplate] = useState<TemplateConfig>(() => defaultTemplate("pairwise"));
  const [preview, setPreview] = useState(false);
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
      template,
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
      <label className="block font-medium">
        Template
        <select
          className="input mt-1"
          value={template.kind}
          onChange={(e) => setTemplate(defaultTemplate(e.currentTarget.value as TemplateKind))}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <TemplateEditor key={template.kind} template={template} onChange={setTemplate} />
      <label className="flex min-h-11 items-center gap-2">
        <input type="checkbox" checked={preview} onChange={(e) => setPreview(e.currentTarget.checked)} />
        Show a preview of the annotator screen
      </label>
      {preview && <TemplatePreview template={template} />}
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
