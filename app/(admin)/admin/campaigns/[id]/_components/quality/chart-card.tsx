"use client";

import { useId, useState, type ReactNode } from "react";
import { toCsv, type Cell } from "./csv";

/**
 * Every chart of the Quality tab offers its numbers too: as a table (for reading exact values
 * and for screen readers) and as a CSV download built from the same rows.
 */
export function ChartCard({
  title,
  filename,
  columns,
  rows,
  summary,
  fit = "chart",
  children,
}: {
  title: string;
  filename: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
  summary?: ReactNode;
  /** "chart": a fixed-height plot area; "content": as tall as the content (tables, heatmaps). */
  fit?: "chart" | "content";
  children: ReactNode;
}) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const headingId = useId();
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${filename}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="card min-w-0" aria-labelledby={headingId}>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          {title}
        </h3>
        <div className="flex gap-2">
          <button
            type="button"
            className="btn"
            aria-pressed={view === "table"}
            onClick={() => setView(view === "chart" ? "table" : "chart")}
          >
            {view === "chart" ? "Show table" : "Show chart"}
          </button>
          <button type="button" className="btn" onClick={download} disabled={rows.length === 0}>
            Download CSV
          </button>
        </div>
      </div>
      {summary}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No data yet.</p>
      ) : view === "chart" ? (
        <div className={fit === "chart" ? "h-64 w-full" : "max-h-96 w-full overflow-auto"}>
          {children}
        </div>
      ) : (
        <div className="max-h-72 overflow-auto">
          <table className="w-full text-left text-sm">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c}
                    scope="col"
                    className="border-b border-slate-200 px-2 py-1 font-medium"
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r} className="odd:bg-slate-50">
                  {row.map((value, c) => (
                    <td key={c} className="px-2 py-1 tabular-nums">
                      {typeof value === "number" ? Number(value.toFixed(4)) : (value ?? "—")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
