"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import { rerunQuery } from "@/server/services/exports/export-options";

/**
 * Past exports: what was asked for, what came out (rows, sha256), who and when. A failed one
 * (including one whose process died mid-stream) can be run again with the same options.
 */
export function ExportHistory({ campaignId }: { campaignId: string }) {
  const trpc = useTRPC();
  const history = useQuery(trpc.export.history.queryOptions({ campaignId }));
  if (history.isPending) return <p className="text-sm text-slate-500">Loading history…</p>;
  if (history.isError) return <p role="alert">{history.error.message}</p>;
  if (history.data.length === 0) return <p className="text-sm text-slate-500">No exports yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-xs" aria-label="Export history">
        <thead>
          <tr>
            <th>When</th>
            <th>Format</th>
            <th>Options</th>
            <th>Rows</th>
            <th>sha256</th>
            <th>By</th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((e) => (
            <tr key={e.id} className="border-t border-slate-100 align-top">
              <td className="pr-2 whitespace-nowrap">{new Date(e.createdAt).toLocaleString()}</td>
              <td className="pr-2">
                {e.format} · {e.file}
                {e.status !== "done" && <span className="text-slate-500"> ({e.status})</span>}
                {e.status === "failed" && (
                  <>
                    {" "}
                    <a
                      className="underline"
                      href={`/api/v1/campaigns/${campaignId}/export?${rerunQuery(e)}`}
                      download
                    >
                      Run again
                    </a>
                  </>
                )}
              </td>
              <td className="pr-2 font-mono break-all">
                {Object.keys(e.options).length ? JSON.stringify(e.options) : "defaults"}
              </td>
              <td className="pr-2 tabular-nums">{e.rowCount ?? "—"}</td>
              <td className="pr-2 font-mono" title={e.sha256 ?? undefined}>
                {e.sha256 ? `${e.sha256.slice(0, 12)}…` : "—"}
              </td>
              <td>{e.createdBy ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
