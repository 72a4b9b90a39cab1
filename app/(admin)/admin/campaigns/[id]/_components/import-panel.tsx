"use client";

import { useState, type FormEvent } from "react";

interface Problem {
  line: number;
  field: string | null;
  message: string;
}
type Outcome =
  | { kind: "ok"; imported: number; duplicates: number }
  | { kind: "error"; message: string; problems: Problem[]; problemCount: number };

const FORMATS = [{ value: "native", label: "Native JSONL" }];

export function ImportPanel({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ kind: "error", message: "Choose a file to import.", problems: [], problemCount: 0 });
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      const response = await fetch(
        `/api/v1/campaigns/${campaignId}/items?format=${encodeURIComponent(String(form.get("format")))}`,
        { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } },
      );
      const body = (await response.json()) as
        | { imported: number; duplicates: number }
        | { error: { message: string; details?: { errors?: Problem[]; errorCount?: number } | null } };
      if ("error" in body) {
        setOutcome({
          kind: "error",
          message: body.error.message,
          problems: body.error.details?.errors ?? [],
          problemCount: body.error.details?.errorCount ?? 0,
        });
      } else {
        setOutcome({ kind: "ok", ...body });
        onImported();
      }
    } catch {
      setOutcome({ kind: "error", message: "The upload failed. Check your connection and try again.", problems: [], problemCount: 0 });
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading" className="mb-3 font-semibold">
        Import items
      </h2>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="font-medium">
          Format
          <select name="format" className="input mt-1" defaultValue="native">
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="font-medium">
          File (.jsonl, .gz)
          <input name="file" type="file" accept=".jsonl,.json,.gz,.txt" className="mt-1 block" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
      </form>
      <ImportOutcome outcome={outcome} />
    </section>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  if (outcome.kind === "ok") {
    return (
      <p role="status" className="mt-3 text-sm text-green-800">
        Imported {outcome.imported} item{outcome.imported === 1 ? "" : "s"}
        {outcome.duplicates > 0 && `; skipped ${outcome.duplicates} already in the campaign`}.
      </p>
    );
  }
  return (
    <div role="alert" className="mt-3 text-sm text-red-800">
      <p className="font-medium">{outcome.message}</p>
      {outcome.problems.length > 0 && (
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th>Line</th>
              <th>Field</th>
              <th>Problem</th>
            </tr>
          </thead>
          <tbody>
            {outcome.problems.map((p, i) => (
              <tr key={i} data-testid="import-problem">
                <td className="pr-3 tabular-nums">{p.line}</td>
                <td className="pr-3 font-mono">{p.field ?? "—"}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {outcome.problemCount > outcome.problems.length && (
        <p className="mt-1">…and {outcome.problemCount - outcome.problems.length} more.</p>
      )}
    </div>
  );
}
