"use client";

import type { RouterOutputs } from "@/app/_trpc/types";
import { ChartCard } from "./chart-card";
import { formatNumber } from "./csv";

type Judge = RouterOutputs["quality"]["judges"][number];
type Question = Judge["questions"][number];

function percent(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 100)}%`;
}

const QUESTION_LABELS: Record<string, string> = {
  choice: "Choice",
  ranking: "Ranking (pairwise preferences)",
};

function questionLabel(question: string): string {
  return QUESTION_LABELS[question] ?? question.replace(/^ratings\./, "Rating: ");
}

/**
 * LLM judges against the humans (DESIGN §15): one card per judge with its own reliability
 * (swap consistency, position bias) and its agreement with the consensus and each annotator.
 * The same numbers are at GET /api/v1/campaigns/{id}/judges.
 */
export function JudgeSection({ judges }: { judges: Judge[] }) {
  return (
    <section className="space-y-3" aria-labelledby="judges-heading" data-testid="judge-section">
      <h2 id="judges-heading" className="font-semibold">
        LLM judges
      </h2>
      {judges.length === 0 ? (
        <p className="card text-sm text-slate-500">
          No judge has run on this campaign yet. Run one under Setup → Models: generate and judge; its verdicts are
          then measured here against the annotators.
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          {judges.map((j) => (
            <JudgeCard key={j.jobId} judge={j} />
          ))}
        </div>
      )}
    </section>
  );
}

function JudgeCard({ judge }: { judge: Judge }) {
  const { swapConsistency: swap, positionBias: bias, tokens } = judge;
  const facts: [string, string, string?][] = [
    ["Verdicts", `${judge.verdicts} on ${judge.items} items`],
    ["Swap consistency", `${percent(swap.rate)} (${swap.consistent} of ${swap.n})`, "Items whose verdict survived showing the responses the other way round"],
    [
      "Shown first wins",
      `${percent(bias.firstShare)} of ${bias.n} (p = ${formatNumber(bias.pValue, 3)})`,
      `Expected without position bias: ${percent(bias.expectedShare)}; two-sided exact binomial test`,
    ],
    ["Tokens per verdict", formatNumber(tokens.perVerdict, 0), `${tokens.total} in all`],
  ];
  const rows = judge.questions.flatMap((q) => [
    [questionLabel(q.question), "consensus", q.humanConsensus.n, q.humanConsensus.agreement, q.humanConsensus.kappa, q.humanConsensus.alpha] as const,
    ...q.annotators.map((a) => [questionLabel(q.question), a.annotator.email, a.n, a.agreement, a.kappa, a.alpha] as const),
  ]);
  return (
    <ChartCard
      title={judge.judge}
      filename={`judge-${judge.judge}`}
      columns={["question", "against", "n", "agreement", "kappa", "alpha"]}
      rows={rows}
      fit="content"
      summary={
        <dl className="mb-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm" aria-label={`${judge.judge} figures`}>
          {facts.map(([term, value, title]) => (
            <div key={term} className="contents">
              <dt className="text-slate-600">{term}</dt>
              <dd className="tabular-nums" title={title}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
      }
    >
      <div className="space-y-3">
        {judge.questions.map((q) => (
          <AgreementTable key={q.question} judge={judge.judge} question={q} />
        ))}
      </div>
    </ChartCard>
  );
}

function AgreementTable({ judge, question }: { judge: string; question: Question }) {
  const level = question.level === "interval" ? "interval α" : "nominal α";
  return (
    <table className="w-full text-left text-sm" aria-label={`${judge}: ${questionLabel(question.question)} agreement`}>
      <caption className="mb-1 text-left text-xs text-slate-600">
        {questionLabel(question.question)} · {level}
      </caption>
      <thead className="text-xs text-slate-600">
        <tr>
          {["Against", "Shared", "Agreement", "κ", "α"].map((h) => (
            <th key={h} scope="col" className="border-b border-slate-200 px-2 py-1 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <FigureRow label="Human consensus" figure={question.humanConsensus} strong />
        {question.annotators.map((a) => (
          <FigureRow
            key={a.annotator.id}
            label={a.excluded ? `${a.annotator.email} (excluded)` : a.annotator.email}
            figure={a}
            muted={a.excluded}
          />
        ))}
      </tbody>
    </table>
  );
}

function FigureRow({
  label,
  figure,
  strong,
  muted,
}: {
  label: string;
  figure: Question["humanConsensus"];
  strong?: boolean;
  muted?: boolean;
}) {
  return (
    <tr className={muted ? "text-slate-400" : undefined}>
      <th scope="row" className={`px-2 py-1 ${strong ? "font-medium" : "font-normal"}`}>
        {label}
      </th>
      <td className="px-2 py-1 tabular-nums">{figure.n}</td>
      <td className="px-2 py-1 tabular-nums">{percent(figure.agreement)}</td>
      <td className="px-2 py-1 tabular-nums">{formatNumber(figure.kappa, 2)}</td>
      <td className="px-2 py-1 tabular-nums">{formatNumber(figure.alpha, 2)}</td>
    </tr>
  );
}
