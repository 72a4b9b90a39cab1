"use client";

import type { RouterOutputs } from "@/app/_trpc/types";
import { ChartCard } from "./chart-card";
import { formatNumber } from "./csv";

type Leaderboard = RouterOutputs["quality"]["leaderboard"];

/** Blue where the row model wins, red where it loses; blank where the two never met decisively. */
function shade(share: number | null | undefined): string | undefined {
  if (share === null || share === undefined) return undefined;
  const strength = Math.round(Math.abs(share - 0.5) * 2 * 70 + 15);
  return share >= 0.5 ? `hsl(217 90% ${100 - strength / 2}%)` : `hsl(0 85% ${100 - strength / 2}%)`;
}

/** The win-rate matrix as a heatmap: the share of decisive battles the row model won. */
export function WinMatrix({ board }: { board: Leaderboard }) {
  const models = board.models.map((m) => m.model);
  const rows = models.flatMap((a) =>
    models.filter((b) => b !== a).map((b) => [a, b, board.winMatrix[a]?.[b] ?? null] as const),
  );
  return (
    <ChartCard
      title="Win rate (row beats column, ties left out)"
      filename="win-matrix"
      columns={["model", "opponent", "win_share"]}
      rows={rows}
      fit="content"
    >
      <div>
        <table className="text-xs" aria-label="Win-rate heatmap">
          <thead>
            <tr>
              <th scope="col" />
              {models.map((m) => (
                <th key={m} scope="col" className="px-2 py-1 font-medium">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {models.map((a) => (
              <tr key={a}>
                <th scope="row" className="px-2 py-1 text-right font-medium">
                  {a}
                </th>
                {models.map((b) => {
                  const share = a === b ? null : board.winMatrix[a]?.[b];
                  return (
                    <td
                      key={b}
                      className="h-9 min-w-12 border border-white px-2 text-center tabular-nums text-slate-900"
                      style={{ backgroundColor: a === b ? "#e2e8f0" : shade(share) }}
                    >
                      {a === b ? "" : formatNumber(share, 2)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
