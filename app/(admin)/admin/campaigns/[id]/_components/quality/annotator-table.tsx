"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/app/_trpc/client";
import type { RouterOutputs } from "@/app/_trpc/types";
import { QUALITY_THRESHOLDS, type AnnotatorFlag } from "@/server/services/quality/quality-thresholds";
import { ChartCard } from "./chart-card";
import { formatNumber } from "./csv";

type Annotators = RouterOutputs["quality"]["annotators"];

const FLAG_LABELS: Record<AnnotatorFlag, string> = {
  position_bias: "position bias",
  length_bias: "length bias",
  low_gold_accuracy: "low gold accuracy",
  low_agreement: "low agreement",
  low_self_consistency: "inconsistent on probes",
  too_fast: "too fast",
  rubber_stamping: "rubber-stamps suggestions",
};

function percent(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 100)}%`;
}

/** One row per annotator with the signals and flags of DESIGN §9, and the exclude action. */
export function AnnotatorTable({
  campaignId,
  annotators,
}: {
  campaignId: string;
  annotators: Annotators;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const exclusion = useMutation(
    trpc.quality.setExclusion.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.quality.pathKey() }),
          queryClient.invalidateQueries({
            queryKey: trpc.campaign.members.queryKey({ campaignId }),
          }),
        ]),
    }),
  );
  const rows = annotators.map(
    (a) =>
      [
        a.annotator.email,
        a.judgements,
        a.skipped,
        a.medianActiveSeconds,
        a.gold.accuracy,
        a.consensus.agreement,
        a.consensus.kappa,
        a.selfConsistency.agreement,
        a.positionBias.share,
        a.positionBias.pValue,
        a.lengthBias.share,
        a.suggestions.shown,
        a.suggestions.agreement,
        a.suggestions.rubberStamps,
        a.flags.join(" "),
        a.excluded ? "excluded" : a.paused ? "paused" : "active",
      ] as const,
  );
  return (
    <ChartCard
      title="Annotators"
      filename="annotators"
      columns={[
        "annotator",
        "judgements",
        "skipped",
        "median_seconds",
        "gold_accuracy",
        "consensus_agreement",
        "consensus_kappa",
        "self_consistency",
        "first_share",
        "position_p",
        "longer_share",
        "suggestions_shown",
        "suggestion_agreement",
        "rubber_stamps",
        "flags",
        "status",
      ]}
      rows={rows}
      fit="content"
    >
      <div>
        <table className="w-full text-left text-sm" aria-label="Annotator quality">
          <thead className="text-xs text-slate-600">
            <tr>
              {[
                "Annotator",
                "Judged",
                "Skipped",
                "Median s",
                "Gold",
                "Consensus",
                "Probes",
                "Shown first",
                "Longer",
                "Suggested",
                "Agreed",
                "Stamped",
                "Flags",
                "",
              ].map((h) => (
                <th key={h} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {annotators.map((a) => (
              <tr key={a.annotator.id} className={a.excluded ? "text-slate-400" : undefined}>
                <th scope="row" className="px-2 py-1 font-normal">
                  {a.annotator.email}
                </th>
                <td className="px-2 py-1 tabular-nums">{a.judgements}</td>
                <td className="px-2 py-1 tabular-nums">{a.skipped}</td>
                <td className="px-2 py-1 tabular-nums">{formatNumber(a.medianActiveSeconds, 1)}</td>
                <td className="px-2 py-1 tabular-nums">{percent(a.gold.accuracy)}</td>
                <td
                  className="px-2 py-1 tabular-nums"
                  title={`κ ${formatNumber(a.consensus.kappa, 2)}`}
                >
                  {percent(a.consensus.agreement)}
                </td>
                <td className="px-2 py-1 tabular-nums">{percent(a.selfConsistency.agreement)}</td>
                <td
                  className="px-2 py-1 tabular-nums"
                  title={`p = ${a.positionBias.pValue ?? "—"}`}
                >
                  {percent(a.positionBias.share)}
                </td>
                <td className="px-2 py-1 tabular-nums">{percent(a.lengthBias.share)}</td>
                <td className="px-2 py-1 tabular-nums" title="Answers given with a model suggestion on screen">
                  {a.suggestions.shown}
                </td>
                <td className="px-2 py-1 tabular-nums" title="Share of those that agreed with the suggestion">
                  {percent(a.suggestions.agreement)}
                </td>
                <td
                  className="px-2 py-1 tabular-nums"
                  title={`Suggestions accepted within ${QUALITY_THRESHOLDS.rubberStampMs / 1000} s of the task appearing`}
                >
                  {a.suggestions.rubberStamps}
                </td>
                <td className="px-2 py-1">
                  {a.flags.map((f) => (
                    <span
                      key={f}
                      className="mr-1 inline-block rounded bg-amber-100 px-1.5 text-xs text-amber-900"
                    >
                      {FLAG_LABELS[f]}
                    </span>
                  ))}
                </td>
                <td className="px-2 py-1">
                  <button
                    type="button"
                    className="btn"
                    disabled={exclusion.isPending}
                    aria-label={`${a.excluded ? "Include" : "Exclude"} ${a.annotator.email}`}
                    onClick={() =>
                      exclusion.mutate({
                        campaignId,
                        userId: a.annotator.id,
                        excluded: !a.excluded,
                      })
                    }
                  >
                    {a.excluded ? "Include" : "Exclude"}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
