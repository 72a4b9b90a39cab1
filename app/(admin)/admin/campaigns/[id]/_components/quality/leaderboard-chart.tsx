"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RouterOutputs } from "@/app/_trpc/types";
import { ChartCard } from "./chart-card";

type Leaderboard = RouterOutputs["quality"]["leaderboard"];

/**
 * Bradley–Terry ratings, best first, with the bootstrap interval as an error bar. Bars start
 * below the lowest interval, not at 0: a rating of 0 means nothing on this scale.
 */
export function LeaderboardChart({ board }: { board: Leaderboard }) {
  const floor = Math.floor(Math.min(...board.models.map((m) => m.ci[0]), 1000) / 50) * 50 - 50;
  const data = board.models.map((m) => ({
    model: m.model,
    rating: m.rating,
    error: [m.rating - m.ci[0], m.ci[1] - m.rating],
  }));
  const elo = new Map(board.elo.map((e) => [e.model, e.rating]));
  const rows = board.models.map(
    (m) =>
      [
        m.model,
        m.rating,
        m.ci[0],
        m.ci[1],
        m.battles,
        m.wins,
        m.losses,
        m.ties,
        m.winRate,
        elo.get(m.model) ?? null,
      ] as const,
  );
  return (
    <ChartCard
      title={`Leaderboard (Bradley–Terry, 95% interval over ${board.method.rounds} rounds)`}
      filename="leaderboard"
      columns={[
        "model",
        "rating",
        "ci_low",
        "ci_high",
        "battles",
        "wins",
        "losses",
        "ties",
        "win_rate",
        "elo",
      ]}
      rows={rows}
      summary={
        <p className="mb-2 text-sm text-slate-600">
          {Number(board.battles.toFixed(2))} battles; ties count half a win; online Elo (K = 4) in
          the table.
          {!board.finiteOptimum && " Some model never lost: its gap is a lower bound."}
        </p>
      }
    >
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 24 }} baseValue={floor}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" domain={[floor, "auto"]} allowDataOverflow fontSize={12} />
          <YAxis type="category" dataKey="model" width={120} fontSize={12} />
          <Tooltip />
          <Bar dataKey="rating" fill="#10b981" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} stroke="#0f172a" direction="x" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
