import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Campaign } from "@/db/schema";
import { AppError } from "@/server/errors";
import { listJudgeRuns } from "@/server/services/judges/list-judge-runs";
import type { ExportOptions } from "./export-options";
import type { JudgeWalk } from "./item-bundles";

/**
 * The judge verdicts an ai-judgements export reads: the newest job of the judge the options
 * name, or of every judge. No judge (or an unknown name) is a 400 that lists the judges, not
 * an empty file that looks like a dataset.
 */
export async function judgeWalk(db: Db, params: { campaign: Campaign; options: ExportOptions }): Promise<JudgeWalk> {
  const { options } = params;
  const runs = await listJudgeRuns(db, { campaignId: params.campaign.id });
  const chosen = options.judge === undefined ? runs : runs.filter((r) => r.judge === options.judge);
  if (chosen.length === 0) {
    const message =
      runs.length === 0
        ? "No LLM judge has judged this campaign yet: run one, then export its verdicts"
        : `No judge named "${options.judge}" has judged this campaign; its judges: ${runs.map((r) => r.judge).join(", ")}`;
    throw new AppError("BAD_REQUEST", message, { issues: [{ path: runs.length === 0 ? "source" : "judge", message }] });
  }
  // The database's clock, as the verdicts' created_at is, kept as text to keep its microseconds.
  const mark = (await db.execute(sql`select now()::text as now`)) as unknown as { rows: { now: string }[] };
  const now = mark.rows[0]?.now;
  if (now === undefined) throw new Error("now() returned no row");
  return {
    jobIds: chosen.map((r) => r.jobId),
    names: chosen.map((r) => r.judge),
    keepInconsistent: options.inconsistent === "keep",
    until: now,
  };
}
