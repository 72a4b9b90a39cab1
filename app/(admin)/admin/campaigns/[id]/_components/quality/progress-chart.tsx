"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "@/app/_trpc/types";
import { ChartCard } from "./chart-card";

type Progress = RouterOutputs["quality"]["progress"];

export function ProgressChart({ progress }: { progress: Progress }) {
  const rows = progress.perDay.map((d) => [d.day, d.judgements] as const);
  const eta = progress.eta ? new Date(progress.eta).toISOString().slice(0, 10) : null;
  const summary = (
    <p className="mb-2 text-sm text-slate-600" data-testid="progress-summary">
      {progress.done} of {progress.needed} judgements
      {progress.recentRate !== null && ` · ${progress.recentRate.toFixed(1)} per day lately`}
      {progress.done >= progress.needed && progress.needed > 0
        ? " · complete"
        : eta
          ? ` · ETA ${eta}`
          : " · no ETA yet"}
    </p>
  );
  return (
    <ChartCard
      title="Judgements per day"
      filename="judgements-per-day"
      columns={["day", "judgements"]}
      rows={rows}
      summary={summary}
    >
      <ResponsiveContainer>
        <BarChart data={progress.perDay}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="day" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} />
          <Tooltip />
          <Bar dataKey="judgements" fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
