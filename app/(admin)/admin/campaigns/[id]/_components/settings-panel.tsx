"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Markdown } from "@/app/_components/markdown";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { DEFAULT_IDENTITY_LEAK_MODE, DEFAULT_IDENTITY_LEAK_WORDS, type IdentityLeakMode } from "@/server/domain/identity-leak";
import type { TemplateConfig } from "@/server/services/campaigns/template-config";
import { SUGGESTION_MODES, type SuggestionMode } from "@/server/domain/suggestion";
import { IdentityLeakFields } from "./identity-leak-fields";
import { TemplateEditor } from "./template-editor";
import { TemplatePreview } from "./template-preview";

type Campaign = RouterOutputs["campaign"]["byId"];

/** How the admin form names each suggestion mode (the values come from SUGGESTION_MODES). */
const SUGGESTION_MODE_LABELS: Record<SuggestionMode, string> = {
  hidden: "Hidden: annotators never see them",
  after_submit: "After submitting: revealed once the annotator has answered",
  before_submit: "Before submitting: a marked hint on the task, accepted with one key",
};

/** Reads a number field; empty means "no value" (only the daily cap allows that). */
function numberField(form: FormData, name: string): number | null {
  const raw = String(form.get(name) ?? "").trim();
  return raw === "" ? null : Number(raw);
}

/**
 * Everything an admin sets on a campaign. Guidelines and the template have live previews;
 * saving bumps their versions only when they actually changed (the server decides).
 */
export function SettingsPanel({ campaign }: { campaign: Campaign }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [guidelines, setGuidelines] = useState(campaign.guidelines);
  const [template, setTemplate] = useState<TemplateConfig>(campaign.template);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const update = useMutation(
    trpc.campaign.update.mutationOptions({
      onSuccess: async (saved) => {
        setMessage({
          ok: true,
          text: `Settings saved (guidelines v${saved.guidelineVersion}, template v${saved.templateVersion}).`,
        });
        await queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
      },
      onError: (e) => setMessage({ ok: false, text: e.message }),
    }),
  );
  const archived = campaign.status === "archived";

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setMessage(null);
    update.mutate({
      campaignId: campaign.id,
      input: {
        name: String(form.get("name") ?? ""),
        description: String(form.get("description") ?? ""),
        overlap: numberField(form, "overlap") ?? campaign.overlap,
        lease_ttl_seconds: Math.round(
          (numberField(form, "lease_minutes") ?? campaign.leaseTtlSeconds / 60) * 60,
        ),
        gold_rate: (numberField(form, "gold_percent") ?? 0) / 100,
        probe_rate: (numberField(form, "probe_percent") ?? 0) / 100,
        gold_feedback: form.get("gold_feedback") === "on",
        suggestion_mode: String(form.get("suggestion_mode")) as SuggestionMode,
        daily_cap: numberField(form, "daily_cap"),
        identity_leak: String(form.get("identity_leak") ?? DEFAULT_IDENTITY_LEAK_MODE) as IdentityLeakMode,
        // One phrase a line; the server trims, drops blanks and repeats.
        identity_leak_words: String(form.get("identity_leak_words") ?? "").split("\n"),
        guidelines,
        template,
      },
    });
  }

  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="mb-3 font-semibold">
        Settings
      </h2>
      <form onSubmit={onSubmit} className="space-y-4 text-sm">
        <fieldset disabled={archived} className="space-y-4">
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="block font-medium">
              Campaign name
              <input
                name="name"
                required
                maxLength={200}
                defaultValue={campaign.name}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium">
              Judgements per item (overlap)
              <input
                name="overlap"
                type="number"
                min={1}
                max={100}
                required
                defaultValue={campaign.overlap}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium sm:col-span-2">
              Description
              <textarea
                name="description"
                maxLength={5000}
                rows={2}
                defaultValue={campaign.description}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium">
              Lease time per task (minutes)
              <input
                name="lease_minutes"
                type="number"
                min={1}
                max={1440}
                step="any"
                required
                defaultValue={campaign.leaseTtlSeconds / 60}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium">
              Daily cap per annotator (empty = none)
              <input
                name="daily_cap"
                type="number"
                min={1}
                defaultValue={campaign.dailyCap ?? ""}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium">
              Gold item rate (%)
              <input
                name="gold_percent"
                type="number"
                min={0}
                max={100}
                step="any"
                defaultValue={Math.round((campaign.goldRate ?? 0) * 1000) / 10}
                className="input mt-1"
              />
            </label>
            <label className="block font-medium">
              Consistency probe rate (%)
              <input
                name="probe_percent"
                type="number"
                min={0}
                max={100}
                step="any"
                defaultValue={Math.round((campaign.probeRate ?? 0) * 1000) / 10}
                className="input mt-1"
              />
            </label>
            <label className="flex items-start gap-2 font-medium sm:col-span-2">
              <input
                name="gold_feedback"
                type="checkbox"
                defaultChecked={campaign.goldFeedback ?? false}
                className="mt-0.5"
              />
              <span>
                Gold feedback for annotators
                <span className="block text-xs font-normal text-slate-500">
                  After a gold item is submitted, show its expected answer and the guideline
                  passage imported with it (<code>gold_explanation</code>).
                </span>
              </span>
            </label>
            <label className="block font-medium sm:col-span-2">
              LLM judge suggestions
              <select name="suggestion_mode" defaultValue={campaign.suggestionMode} className="input mt-1">
                {SUGGESTION_MODES.map((mode) => (
                  <option key={mode} value={mode}>
                    {SUGGESTION_MODE_LABELS[mode]}
                  </option>
                ))}
              </select>
              <span className="block text-xs font-normal text-slate-500">
                The newest judge&apos;s verdict on an item, when it held in both display orders. Every
                answer records whether one was shown and whether the annotator agreed.
              </span>
            </label>
          </div>
          <IdentityLeakFields
            mode={campaign.identityLeak ?? DEFAULT_IDENTITY_LEAK_MODE}
            words={campaign.identityLeakWords ?? DEFAULT_IDENTITY_LEAK_WORDS}
          />
          <div className="grid gap-3 lg:grid-cols-2">
            <label className="block font-medium">
              Guidelines (markdown, version {campaign.guidelineVersion})
              <textarea
                value={guidelines}
                onChange={(e) => setGuidelines(e.currentTarget.value)}
                rows={10}
                className="input mt-1 font-mono"
              />
            </label>
            <section
              aria-label="Guidelines preview"
              className="rounded border border-slate-200 p-2"
            >
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                Guidelines preview
              </p>
              {guidelines.trim() ? (
                <Markdown text={guidelines} />
              ) : (
                <p className="text-slate-500">No guidelines yet.</p>
              )}
            </section>
          </div>
          <div className="space-y-3">
            <p className="text-xs text-slate-500">Template version {campaign.templateVersion}</p>
            <TemplateEditor template={template} onChange={setTemplate} />
            <TemplatePreview template={template} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={update.isPending}>
            {update.isPending ? "Saving…" : "Save settings"}
          </button>
        </fieldset>
      </form>
      {message && (
        <p
          role={message.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${message.ok ? "text-green-800" : "text-red-700"}`}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
