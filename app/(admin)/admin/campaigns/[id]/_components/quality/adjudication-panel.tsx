"use client";

import { messageText } from "@/server/formats/message-text";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ResponseContent } from "@/app/_components/response-content";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { orderLabel, verdictLabel } from "./verdict-label";

type AdjudicationItem = RouterOutputs["quality"]["adjudicationItem"];

/**
 * One disputed item opened for adjudication: the responses, every judgement side by side (with
 * the order each annotator saw and their rationale), and the form for the adjudicated verdict.
 */
export function AdjudicationPanel({
  campaignId,
  itemId,
  onClose,
}: {
  campaignId: string;
  itemId: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const view = useQuery(trpc.quality.adjudicationItem.queryOptions({ campaignId, itemId }));
  if (view.isPending) return <p className="text-sm text-slate-500">Loading the item…</p>;
  if (view.isError) return <p role="alert">{view.error.message}</p>;
  const data = view.data;
  const ids = data.responses.map((r) => r.id);
  return (
    <section className="card space-y-4" aria-labelledby="adjudication-heading">
      <div className="flex items-center justify-between gap-3">
        <h3 id="adjudication-heading" className="font-semibold">
          Adjudicate <span className="font-mono">{data.item.externalId}</span>
        </h3>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="space-y-1 text-sm">
        {data.item.prompt.map((m, i) => (
          <p key={i}>
            <span className="font-medium">{m.role}:</span> {messageText(m.content)}
          </p>
        ))}
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {data.responses.map((r, i) => (
          <article key={r.id} className="rounded border border-slate-200 p-3">
            <h4 className="mb-1 text-sm font-medium">
              Response {i + 1}{" "}
              <span className="text-slate-500">· {r.model ?? "unknown model"}</span>
            </h4>
            <ResponseContent response={r} />
          </article>
        ))}
      </div>
      <table className="w-full text-left text-sm" aria-label="Judgements">
        <thead className="text-xs text-slate-600">
          <tr>
            {["Annotator", "Verdict", "Shown order", "Rationale"].map((h) => (
              <th key={h} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.judgements.map((j) => (
            <tr key={j.id} className={j.excluded ? "text-slate-400" : undefined}>
              <td className="px-2 py-1">
                {j.email}
                {j.probe && " (probe)"}
                {j.excluded && " (excluded)"}
              </td>
              <td className="px-2 py-1">{verdictLabel(j.payload, ids)}</td>
              <td className="px-2 py-1 tabular-nums">{orderLabel(j.displayOrder, ids)}</td>
              <td className="px-2 py-1">{j.rationale ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <VerdictForm campaignId={campaignId} data={data} />
    </section>
  );
}

function VerdictForm({ campaignId, data }: { campaignId: string; data: AdjudicationItem }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation(
    trpc.quality.adjudicate.mutationOptions({
      onSuccess: async () => {
        setMessage("Adjudicated verdict saved.");
        await queryClient.invalidateQueries({ queryKey: trpc.quality.pathKey() });
      },
      onError: (e) => setMessage(e.message),
    }),
  );
  const template = data.template;
  // A per-turn verdict is a list of turns: it is written as payload JSON, like a ranking.
  const pairwise = template.kind === "pairwise" && !template.per_turn;
  const current = data.adjudication?.payload as Record<string, unknown> | undefined;
  const ids = data.responses.map((r) => r.id);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let payload: Record<string, unknown>;
    if (pairwise) {
      payload = { choice: String(form.get("choice") ?? "") };
      const strength = String(form.get("strength") ?? "");
      if (strength && ids.includes(String(payload.choice))) payload.strength = strength;
    } else {
      try {
        payload = JSON.parse(String(form.get("payload") ?? "{}")) as Record<string, unknown>;
      } catch {
        setMessage("The verdict is not valid JSON.");
        return;
      }
    }
    const rationale = String(form.get("rationale") ?? "").trim();
    if (rationale) payload.rationale = rationale;
    setMessage(null);
    save.mutate({
      campaignId,
      itemId: data.item.id,
      payload,
      note: String(form.get("note") ?? ""),
    });
  }

  const choices = pairwise
    ? [
        ...data.responses.map((r, i) => ({ value: r.id, label: `Response ${i + 1} is better` })),
        ...(template.allow_tie ? [{ value: "tie", label: "Tie" }] : []),
        ...(template.allow_both_bad ? [{ value: "both_bad", label: "Both bad" }] : []),
      ]
    : [];
  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-slate-200 pt-3 text-sm">
      <h4 className="font-medium">Adjudicated verdict</h4>
      {pairwise ? (
        <fieldset className="flex flex-wrap gap-4">
          <legend className="sr-only">Verdict</legend>
          {choices.map((c) => (
            <label key={c.value} className="flex items-center gap-1">
              <input
                type="radio"
                name="choice"
                value={c.value}
                required
                defaultChecked={current?.choice === c.value}
              />
              {c.label}
            </label>
          ))}
          {template.strength && (
            <label className="flex items-center gap-1">
              Strength
              <select
                name="strength"
                className="input w-auto"
                defaultValue={String(current?.strength ?? "better")}
              >
                {["negligible", "slight", "better", "significant"].map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
      ) : (
        <label className="block font-medium">
          Verdict (payload JSON, as in the judgements export)
          <textarea
            name="payload"
            className="input mt-1 font-mono"
            rows={3}
            defaultValue={JSON.stringify(current ?? data.judgements[0]?.payload ?? {})}
          />
        </label>
      )}
      <label className="block font-medium">
        Rationale {template.rationale.required ? "(required)" : "(optional)"}
        <textarea
          name="rationale"
          className="input mt-1"
          rows={2}
          defaultValue={String(current?.rationale ?? "")}
        />
      </label>
      <label className="block font-medium">
        Note for the record
        <input name="note" className="input mt-1" defaultValue={data.adjudication?.note ?? ""} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          Save verdict
        </button>
        {message && <p role="status">{message}</p>}
      </div>
    </form>
  );
}
