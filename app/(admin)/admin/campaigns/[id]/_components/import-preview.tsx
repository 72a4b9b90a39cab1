import { messageImages, messageText } from "@/server/formats/message-text";
import type { ImportPreview } from "@/server/services/imports/preview-import";
import { ImportProblems } from "./import-problems";

/** What a dry run found: counts, the first items as they will be stored, and any problems. */
export function ImportPreviewView({
  preview,
  fileName,
  committing,
  onCommit,
  onCancel,
}: {
  preview: ImportPreview;
  fileName: string;
  committing: boolean;
  onCommit: () => void;
  onCancel: () => void;
}) {
  const clean = preview.error_count === 0;
  return (
    <div className="mt-3 space-y-3 text-sm" aria-label="Import preview" role="region">
      <p role="status">
        <span className="font-medium">{fileName}</span>: {preview.valid} valid item
        {preview.valid === 1 ? "" : "s"}
        {preview.duplicates > 0 &&
          `, ${preview.duplicates} already in the campaign (will be skipped)`}
        {!clean && `, ${preview.error_count} problem${preview.error_count === 1 ? "" : "s"}`}.
      </p>
      {preview.sample.length > 0 && (
        <ol className="space-y-2" aria-label="First items">
          {preview.sample.map((item) => (
            <li key={item.external_id} className="rounded border border-slate-200 p-2">
              <p className="font-mono text-xs text-slate-500">
                {item.external_id}
                {item.gold && " · gold"}
              </p>
              {item.prompt.map((m, i) => (
                <p key={i} className="whitespace-pre-wrap break-words">
                  <span className="font-semibold">{m.role}: </span>
                  {messageText(m.content)}
                  {messageImages(m.content).map((url) => ` [image: ${url}]`).join("")}
                </p>
              ))}
              <ul className="mt-1 grid gap-1 sm:grid-cols-2">
                {item.responses.map((r) => (
                  <li key={r.external_id} className="rounded bg-slate-50 p-1.5">
                    <span className="text-xs text-slate-500">
                      {r.external_id}
                      {r.model && ` · ${r.model}`}
                    </span>
                    <p className="max-h-32 overflow-auto whitespace-pre-wrap break-words">
                      {r.content === "" ? <em className="text-slate-500">(empty)</em> : r.content}
                    </p>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {!clean && (
        <div role="alert" className="text-red-800">
          <p className="font-medium">
            Fix these problems first: an import with any problem imports nothing.
          </p>
          <ImportProblems problems={preview.errors} count={preview.error_count} />
        </div>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!clean || preview.importable === 0 || committing}
          onClick={onCommit}
        >
          {committing
            ? "Importing…"
            : `Import ${preview.importable} item${preview.importable === 1 ? "" : "s"}`}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={committing}>
          Cancel
        </button>
      </div>
    </div>
  );
}
