"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { RouterOutputs } from "@/app/_trpc/types";
import { ChartCard } from "./chart-card";

type Agreement = RouterOutputs["quality"]["agreement"];

/** Krippendorff's α per question with its bootstrap interval as an error bar. */
export function AgreementChart({ agreement }: { agreement: Agreement }) {
  const data = agreement.questions
    .filter((q) => q.alpha !== null)
    .map((q) => ({
      question: q.question,
      alpha: q.alpha ?? 0,
      error: q.alphaCi ? [(q.alpha ?? 0) - q.alphaCi[0], q.alphaCi[1] - (q.alpha ?? 0)] : [0, 0],
    }));
  // α runs from 1 down to below 0 (worse than chance): ticks every 0.2 from the lowest bound.
  const lowest = Math.min(0, ...agreement.questions.map((q) => q.alphaCi?.[0] ?? q.alpha ?? 0));
  const floor = Math.max(-1, Math.floor(lowest * 5) / 5);
  const ticks = Array.from({ length: Math.round((1 - floor) * 5) + 1 }, (_, i) =>
    Number((floor + i * 0.2).toFixed(1)),
  );
  const rows = agreement.questions.map(
    (q) =>
      [
        q.question,
        q.level,
        q.alpha,
        q.alphaCi?.[0] ?? null,
        q.alphaCi?.[1] ?? null,
        q.percentAgreement,
        q.fleissKappa,
        q.units,
      ] as const,
  );
  return (
    <ChartCard
      title="Agreement per question (Krippendorff's α, 95% interval)"
      filename="agreement"
      columns={[
        "question",
        "level",
        "alpha",
        "ci_low",
        "ci_high",
        "percent_agreement",
        "fleiss_kappa",
        "units",
      ]}
      rows={rows}
    >
      <ResponsiveContainer>
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="question" fontSize={12} />
          <YAxis domain={[floor, 1]} ticks={ticks} allowDataOverflow fontSize={12} />
          <ReferenceLine y={0.667} stroke="#94a3b8" strokeDasharray="4 4" />
          <Tooltip />
          <Bar dataKey="alpha" fill="#0ea5e9" isAnimationActive={false}>
            <ErrorBar dataKey="error" width={6} stroke="#0f172a" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
