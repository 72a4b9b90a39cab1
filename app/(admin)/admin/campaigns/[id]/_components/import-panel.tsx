"use client";

import { useId, useState, type FormEvent } from "react";
import { IMPORT_FORMATS, type ImportFormat } from "@/server/formats/import-types";
import type { ImportPreview } from "@/server/services/imports/preview-import";
import { FORMAT_LABELS, guessImportFormat } from "./guess-import-format";
import { ImportPreviewView } from "./import-preview";
import { ImportProblems, type Problem } from "./import-problems";

type Outcome =
  | { kind: "ok"; imported: number; duplicates: number; flagged: number }
  | { kind: "preview"; preview: ImportPreview; fileName: string }
  | { kind: "error"; message: string; problems: Problem[]; problemCount: number };

interface ErrorBody {
  error: { message: string; details?: { errors?: Problem[]; errorCount?: number } | null };
}

/** Sends the file to the items route, which streams and size-limits it; `dryRun` writes nothing. */
async function upload(campaignId: string, format: ImportFormat, file: File, dryRun: boolean) {
  const query = `format=${encodeURIComponent(format)}${dryRun ? "&dry_run=true" : ""}`;
  const response = await fetch(`/api/v1/campaigns/${campaignId}/items?${query}`, {
    method: "POST",
    body: file,
    headers: { "Content-Type": "application/octet-stream" },
  });
  return (await response.json()) as unknown;
}

function toError(body: ErrorBody): Outcome {
  return {
    kind: "error",
    message: body.error.message,
    problems: body.error.details?.errors ?? [],
    problemCount: body.error.details?.errorCount ?? 0,
  };
}

const NETWORK_ERROR: Outcome = {
  kind: "error",
  message: "The upload failed. Check your connection and try again.",
  problems: [],
  problemCount: 0,
};

export function ImportPanel({
  campaignId,
  onImported,
}: {
  campaignId: string;
  onImported: () => void;
}) {
  const hintId = useId();
  const [format, setFormat] = useState<ImportFormat>("native");
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState<"preview" | "import" | null>(null);

  async function run(mode: "preview" | "import") {
    if (!file || file.size === 0) {
      setOutcome({
        kind: "error",
        message: "Choose a file to import.",
        problems: [],
        problemCount: 0,
      });
      return;
    }
    setPending(mode);
    if (mode === "preview") setOutcome(null);
    try {
      const body = await upload(campaignId, format, file, mode === "preview");
      if (body && typeof body === "object" && "error" in body)
        setOutcome(toError(body as ErrorBody));
      else if (mode === "preview")
        setOutcome({ kind: "preview", preview: body as ImportPreview, fileName: file.name });
      else {
        setOutcome({ kind: "ok", ...(body as { imported: number; duplicates: number; flagged: number }) });
        onImported();
      }
    } catch {
      setOutcome(NETWORK_ERROR);
    } finally {
      setPending(null);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void run(submitter?.getAttribute("value") === "import" ? "import" : "preview");
  }

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading" className="mb-3 font-semibold">
        Import items
      </h2>
      <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="font-medium">
          File (.jsonl, .gz) or .csv
          <input
            name="file"
            type="file"
            accept=".jsonl,.ndjson,.json,.csv,.gz,.txt"
            aria-describedby={hintId}
            className="mt-1 block"
            onChange={(event) => {
              const chosen = event.currentTarget.files?.[0] ?? null;
              setFile(chosen);
              setOutcome(null);
              const guess = chosen ? guessImportFormat(chosen.name) : null;
              if (guess) setFormat(guess);
            }}
          />
        </label>
        <label className="font-medium">
          Import format
          <select
            name="format"
            className="input mt-1"
            value={format}
            onChange={(event) => {
              setFormat(event.currentTarget.value as ImportFormat);
              setOutcome(null);
            }}
          >
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          value="preview"
          className="btn btn-primary"
          disabled={pending !== null}
        >
          {pending === "preview" ? "Checking…" : "Preview"}
        </button>
        <button type="submit" value="import" className="btn" disabled={pending !== null}>
          {pending === "import" && outcome?.kind !== "preview" ? "Importing…" : "Import"}
        </button>
      </form>
      <p id={hintId} className="mt-1 text-xs text-slate-500">
        The format is guessed from the file name. Preview checks the whole file and writes nothing.
      </p>
      {outcome?.kind === "preview" && (
        <ImportPreviewView
          preview={outcome.preview}
          fileName={outcome.fileName}
          committing={pending === "import"}
          onCommit={() => void run("import")}
          onCancel={() => setOutcome(null)}
        />
      )}
      {outcome?.kind === "ok" && (
        <p role="status" className="mt-3 text-sm text-green-800">
          Imported {outcome.imported} item{outcome.imported === 1 ? "" : "s"}
          {outcome.duplicates > 0 && `; skipped ${outcome.duplicates} already in the campaign`}.
          {outcome.flagged > 0 &&
            ` ${outcome.flagged} may reveal a model's identity: see Identity leaks on the Quality tab.`}
        </p>
      )}
      {outcome?.kind === "error" && (
        <div role="alert" className="mt-3 text-sm text-red-800">
          <p className="font-medium">{outcome.message}</p>
          <ImportProblems problems={outcome.problems} count={outcome.problemCount} />
        </div>
      )}
    </section>
  );
}
