import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { suggestions, users } from "@/db/schema";
import { loadQualityData } from "@/server/services/quality/load-quality-data";
import type { AgreementFigure } from "./judge-agreement";
import { listJudgeRuns } from "./list-judge-runs";
import { judgeFigures, type JudgeFigures, type QuestionFigures } from "./judge-figures";

export type AnnotatorAgreement = { annotator: { id: string; email: string }; excluded: boolean } & AgreementFigure;

export interface JudgeReport extends Omit<JudgeFigures, "annotators" | "questions"> {
  endpointId: string | null;
  judge: string;
  jobId: string;
  annotators: AnnotatorAgreement[];
  questions: (Omit<QuestionFigures, "annotators"> & { annotators: AnnotatorAgreement[] })[];
}

/**
 * Every judge that has judged the campaign (its latest job), measured against the humans: swap
 * consistency, position bias, agreement (κ, α) with the consensus and with each annotator,
 * tokens. The humans are the Quality tab's: live judgements, no probes; an excluded annotator
 * is measured but left out of the consensus.
 */
export async function listJudges(db: Db, params: { campaignId: string }): Promise<JudgeReport[]> {
  const data = await loadQualityData(db, { campaignId: params.campaignId });
  const runs = await listJudgeRuns(db, { campaignId: data.campaign.id });
  if (runs.length === 0) return [];
  const rows = await db
    .select()
    .from(suggestions)
    .where(inArray(suggestions.jobId, runs.map((r) => r.jobId)));

  const humans = data.judgements
    .filter((j) => !j.probe)
    .map((j) => ({ itemId: j.itemId, annotatorId: j.annotatorId, payload: j.payload, counted: !data.excluded.has(j.annotatorId) }));
  const responseOrder = new Map([...data.items].map(([id, item]) => [id, item.responses.map((r) => r.id)]));
  const ids = [...new Set(humans.map((h) => h.annotatorId))];
  const emails = new Map(
    ids.length === 0
      ? []
      : (await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.email]),
  );
  const named = ({ annotatorId, ...figure }: { annotatorId: string } & AgreementFigure): AnnotatorAgreement => ({
    annotator: { id: annotatorId, email: emails.get(annotatorId) ?? "" },
    excluded: data.excluded.has(annotatorId),
    ...figure,
  });
  const byEmail = (a: AnnotatorAgreement, b: AnnotatorAgreement) => a.annotator.email.localeCompare(b.annotator.email);

  return runs.map(({ judge, jobId, endpointId }) => {
    const mine = rows.filter((r) => r.jobId === jobId);
    const figures = judgeFigures({
      template: data.campaign.template,
      verdicts: mine.map((r) => ({
        itemId: r.itemId,
        displayOrder: r.displayOrder,
        payload: r.payload,
        consistent: r.consistent,
        tokens: (r.promptTokens ?? 0) + (r.completionTokens ?? 0),
      })),
      humans,
      responseOrder,
    });
    return {
      ...figures,
      judge,
      jobId,
      endpointId,
      annotators: figures.annotators.map(named).sort(byEmail),
      questions: figures.questions.map((q) => ({ ...q, annotators: q.annotators.map(named).sort(byEmail) })),
    };
  });
}
